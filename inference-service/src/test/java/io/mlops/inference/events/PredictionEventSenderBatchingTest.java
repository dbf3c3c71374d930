package io.mlops.inference.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.mlops.domain.id.ModelVersionRef;
import io.mlops.domain.id.PredictionId;
import io.mlops.domain.prediction.PredictionRequest;
import io.mlops.events.EventContentTypes;
import io.mlops.events.PredictionMade;
import io.mlops.events.PredictionMadeBatch;
import io.mlops.events.Topics;
import io.mlops.inference.serving.FeatureRow;
import io.mlops.inference.serving.FeatureRowsDeserializer;
import io.mlops.testsupport.PredictionMadeBatchRecords;
import io.mlops.testsupport.TestInfrastructure;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.util.unit.DataSize;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.module.SimpleModule;

/**
 * The sender's records against the real embedded broker: one drain of mixed events becomes PredictionMadeBatch
 * records per model version, alias, shadow and feature names, none over {@code record-max-predictions}, keyed by the
 * model version; every prediction arrives exactly once, and the sent counter counts predictions, not records.
 */
class PredictionEventSenderBatchingTest {

    @ParameterizedTest
    @EnumSource(EventsProperties.Format.class)
    void aDrainIsGroupedIntoBoundedBatchRecordsAndSentCountsPredictions(EventsProperties.Format format) throws Exception {
        var registry = new SimpleMeterRegistry();
        // the pause is an hour: the shutdown drain sends everything in one go, so the grouping is deterministic
        var properties = new EventsProperties(true, 1.0, 1000, 500, Duration.ofSeconds(5), "lz4", Duration.ofMillis(100),
                DataSize.ofKilobytes(512), Duration.ofHours(1), 4, DataSize.ofKilobytes(256), format);
        var events = new PredictionEvents(properties, registry);
        var sender = startSender(events, properties, registry);
        await().atMost(Duration.ofSeconds(10)).until(() -> Thread.getAllStackTraces().keySet().stream()
                .anyMatch(t -> t.getName().equals("prediction-events") && t.getState() == Thread.State.TIMED_WAITING));
        String run = UUID.randomUUID().toString().substring(0, 8);
        ModelVersionRef a = new ModelVersionRef("batching-a-" + run, 1);
        ModelVersionRef b = new ModelVersionRef("batching-b-" + run, 2);
        // a@1 production: 10 (→ 3 records of ≤ 4); a@1 shadow: 3 (1); b@2: 5 with x, 2 with other names (2 + 1).
        // The x rows are parsed as the predict endpoint parses them, so all share one name list (the sender's
        // same-list shortcut) across interleaved groups; the y rows are plain maps.
        List<Map<String, Object>> xs = parsedRows("x", 30);
        List<PredictionMade> offered = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            offered.add(event(a, "production", false, xs.get(i)));
            if (i < 3) {
                offered.add(event(a, "production", true, xs.get(10 + i)));
            }
            if (i < 5) {
                offered.add(event(b, null, false, xs.get(20 + i)));
            }
            if (i < 2) {
                offered.add(event(b, null, false, Map.of("y", 4.0 * i)));
            }
        }
        offered.forEach(events::offer);

        sender.destroy();

        assertThat(registry.get("mlops.inference.events.sent").counter().count()).isEqualTo(offered.size());
        assertThat(events.droppedCount()).isZero();
        Map<String, PredictionMade> expected = new HashMap<>();
        offered.forEach(e -> expected.put(e.predictionId().toString(), e));
        Map<String, PredictionMade> seen = new HashMap<>();
        List<PredictionMadeBatch> records = new ArrayList<>();
        try (var consumer = new KafkaConsumer<>(Map.<String, Object>of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.kafkaBootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "batching-test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(Topics.PREDICTIONS_MADE));
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                for (var record : consumer.poll(Duration.ofMillis(200))) {
                    if (!record.key().endsWith(run + "@1") && !record.key().endsWith(run + "@2")) {
                        continue;
                    }
                    assertThat(new String(record.headers().lastHeader(EventContentTypes.HEADER).value(), StandardCharsets.US_ASCII))
                            .isEqualTo(format == EventsProperties.Format.AVRO ? EventContentTypes.PREDICTION_MADE_BATCH_AVRO
                                    : EventContentTypes.JSON);
                    var envelope = PredictionMadeBatchRecords.read(record.headers(), record.value());
                    assertThat(envelope.source()).isEqualTo("batching-test");
                    assertThat(envelope.key()).isEqualTo(record.key());
                    var batch = envelope.payload();
                    assertThat(record.key()).isEqualTo(batch.model().toString());
                    records.add(batch);
                    batch.expand().forEach(p -> assertThat(seen.put(p.predictionId().toString(), p)).as("sent once").isNull());
                }
                assertThat(seen.keySet()).isEqualTo(expected.keySet());
            });
        }
        seen.forEach((id, p) -> assertThat(p).isEqualTo(expected.get(id)));
        assertThat(records).allSatisfy(r -> assertThat(r.predictions()).hasSizeBetween(1, 4));
        Set<String> groups = new HashSet<>();
        records.forEach(r -> groups.add(r.model() + " " + r.alias() + " " + r.shadow() + " " + r.featureNames()));
        assertThat(groups).hasSize(4);
        assertThat(records).hasSize(3 + 1 + 2 + 1);
    }

    @ParameterizedTest
    @EnumSource(EventsProperties.Format.class)
    void anEventItCannotWriteIsDroppedAndCountedAndTheSenderGoesOn(EventsProperties.Format format) throws Exception {
        var registry = new SimpleMeterRegistry();
        var properties = new EventsProperties(true, 1.0, 1000, 500, Duration.ofSeconds(5), "lz4", Duration.ofMillis(100),
                DataSize.ofKilobytes(512), Duration.ofMillis(20), 500, DataSize.ofKilobytes(256), format);
        var events = new PredictionEvents(properties, registry);
        var sender = startSender(events, properties, registry);
        try {
            ModelVersionRef model = new ModelVersionRef("unwritable-" + UUID.randomUUID().toString().substring(0, 8), 1);
            // a feature value JSON cannot write (its getter throws): its record fails, the next group goes out
            events.offer(event(model, "a", false, Map.of("bad", new Unwritable())));
            events.offer(event(model, "b", false, Map.of("good", 1.0)));
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                assertThat(events.droppedCount()).isEqualTo(1);
                assertThat(registry.get("mlops.inference.events.sent").counter().count()).isEqualTo(1);
            });
            // the thread is still there and still sending
            events.offer(event(model, "b", false, Map.of("good", 2.0)));
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                    assertThat(registry.get("mlops.inference.events.sent").counter().count()).isEqualTo(2));
        } finally {
            sender.destroy();
        }
    }

    /** A started sender of these events to the test broker, as the service wires it (its own producer). */
    private static PredictionEventSender startSender(PredictionEvents events, EventsProperties properties, SimpleMeterRegistry registry) {
        var producers = new DefaultKafkaProducerFactory<Object, Object>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.kafkaBootstrapServers(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class));
        var sender = new PredictionEventSender(events, producers, properties, "batching-test", registry);
        sender.afterPropertiesSet();
        return sender;
    }

    /** A value whose JSON cannot be written. */
    public static final class Unwritable {
        public String getValue() {
            throw new IllegalStateException("not writable");
        }
    }

    /** {@code n} rows of one feature as the predict endpoint holds them: FeatureRows of one request, one layout. */
    private static List<Map<String, Object>> parsedRows(String name, int n) throws Exception {
        StringBuilder body = new StringBuilder("{\"instances\":[");
        for (int i = 0; i < n; i++) {
            body.append(i == 0 ? "" : ",").append("{\"").append(name).append("\":").append(i + 0.5).append('}');
        }
        var requests = JsonMapper.builder().addModule(new SimpleModule()
                .addDeserializer(PredictionRequest.class, new FeatureRowsDeserializer())).build();
        List<Map<String, Object>> rows = requests.readValue(body.append("]}").toString(), PredictionRequest.class).instances();
        assertThat(rows).allSatisfy(r -> assertThat(r).isInstanceOf(FeatureRow.class));
        return rows;
    }

    private static PredictionMade event(ModelVersionRef model, String alias, boolean shadow, Map<String, Object> features) {
        return new PredictionMade(PredictionId.random(), model, alias, Instant.parse("2026-11-28T10:00:00.25Z"), features, null, "a",
                Map.of("a", 1.0), 0.1, shadow);
    }
}
