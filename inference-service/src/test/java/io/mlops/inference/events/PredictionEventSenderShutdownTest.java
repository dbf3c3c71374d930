package io.mlops.inference.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.mlops.domain.id.ModelVersionRef;
import io.mlops.domain.id.PredictionId;
import io.mlops.events.PredictionMade;
import io.mlops.events.Topics;
import io.mlops.testsupport.PredictionMadeBatchRecords;
import io.mlops.testsupport.TestInfrastructure;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.util.unit.DataSize;

/**
 * Events still in the buffer when the service stops are sent, not silently lost: the sender's pause is an hour
 * here, so only the shutdown drain can deliver them (against the real embedded broker).
 */
class PredictionEventSenderShutdownTest {

    @Test
    void bufferedEventsAreSentAtShutdown() throws Exception {
        var registry = new SimpleMeterRegistry();
        var properties = new EventsProperties(true, 1.0, 1000, 500, Duration.ofSeconds(5), "lz4", Duration.ofMillis(100),
                DataSize.ofKilobytes(512), Duration.ofHours(1), 500, DataSize.ofKilobytes(256),
                EventsProperties.Format.AVRO);
        var events = new PredictionEvents(properties, registry);
        var producers = new DefaultKafkaProducerFactory<Object, Object>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.kafkaBootstrapServers(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class,
                ProducerConfig.LINGER_MS_CONFIG, 100));
        var sender = new PredictionEventSender(events, producers, properties, "shutdown-test", registry);
        sender.afterPropertiesSet();
        // the sender's first look finds an empty buffer; wait until it sleeps its hour, then fill the buffer
        await().atMost(Duration.ofSeconds(10)).until(() -> threadParked("prediction-events"));
        Set<String> offered = new HashSet<>();
        for (int i = 0; i < 20; i++) {
            PredictionId id = PredictionId.random();
            offered.add(id.toString());
            events.offer(new PredictionMade(id, new ModelVersionRef("shutdown", 1), null, Instant.now(), Map.of("x", 1.0 * i),
                    null, "a", Map.of("a", 1.0), 0.1, false));
        }

        sender.destroy();

        assertThat(events.buffer()).isEmpty();
        assertThat(registry.get("mlops.inference.events.sent").counter().count()).isEqualTo(20);
        assertThat(events.droppedCount()).isZero();
        Set<String> seen = new HashSet<>();
        try (var consumer = new KafkaConsumer<>(Map.<String, Object>of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.kafkaBootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "shutdown-test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(Topics.PREDICTIONS_MADE));
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                for (var record : consumer.poll(Duration.ofMillis(200))) {
                    PredictionMadeBatchRecords.read(record.headers(), record.value()).payload().predictions()
                            .stream().map(p -> p.predictionId().toString()).filter(offered::contains).forEach(seen::add);
                }
                assertThat(seen).isEqualTo(offered);
            });
        }
    }

    private static boolean threadParked(String name) {
        return Thread.getAllStackTraces().keySet().stream()
                .anyMatch(t -> t.getName().equals(name) && t.getState() == Thread.State.TIMED_WAITING);
    }
}
