package io.mlops.standalone.testing;

import static org.awaitility.Awaitility.await;

import io.mlops.events.DomainEvent;
import io.mlops.events.EventContentTypes;
import io.mlops.events.EventEnvelope;
import io.mlops.events.EventJson;
import io.mlops.events.EventType;
import io.mlops.events.PredictionMadeBatch;
import io.mlops.testsupport.PredictionMadeBatchRecords;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Reads one platform topic of the suite's broker from its beginning, without a consumer group (so no service's
 * offsets move), to see the events the services exchange as they travel on the wire.
 */
public final class KafkaEvents implements AutoCloseable {

    private final KafkaConsumer<byte[], byte[]> consumer;
    private final List<EventEnvelope<DomainEvent>> seen = new ArrayList<>();

    public KafkaEvents(RunningSuite suite, EventType type) {
        consumer = new KafkaConsumer<>(Map.<String, Object>of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, suite.servers().kafkaBootstrapServers(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false), new ByteArrayDeserializer(), new ByteArrayDeserializer());
        List<TopicPartition> partitions = consumer.partitionsFor(type.topic(), Duration.ofSeconds(30)).stream()
                .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
    }

    /** Waits for an event whose envelope matches, polling the topic; returns it. */
    @SuppressWarnings("unchecked")
    public <E extends DomainEvent> EventEnvelope<E> awaitEvent(Class<E> payload, Predicate<EventEnvelope<E>> matching, Duration timeout) {
        EventEnvelope<E>[] found = new EventEnvelope[1];
        await().atMost(timeout).pollInSameThread().pollInterval(Duration.ofMillis(10)).until(() -> {
            consumer.poll(Duration.ofMillis(200)).forEach(record -> seen.addAll(events(read(record))));
            Optional<EventEnvelope<E>> match = seen.stream().filter(e -> payload.isInstance(e.payload()))
                    .map(e -> (EventEnvelope<E>) (EventEnvelope<?>) e).filter(matching).findFirst();
            match.ifPresent(e -> found[0] = e);
            return match.isPresent();
        });
        return found[0];
    }

    /** A JSON envelope, or a PredictionMadeBatch in Avro binary (its content-type header says), read with the schema alone. */
    @SuppressWarnings("unchecked")
    private static EventEnvelope<DomainEvent> read(ConsumerRecord<byte[], byte[]> record) {
        Header type = record.headers().lastHeader(EventContentTypes.HEADER);
        if (type != null && new String(type.value(), StandardCharsets.US_ASCII).equals(EventContentTypes.PREDICTION_MADE_BATCH_AVRO)) {
            return (EventEnvelope<DomainEvent>) (EventEnvelope<?>) PredictionMadeBatchRecords.readAvro(record.value());
        }
        return EventJson.read(record.value());
    }

    /**
     * The envelope, or for a PredictionMadeBatch one PredictionMade envelope per prediction under the batch's envelope
     * fields: a test awaits a prediction's event whichever form the inference-service sent it in.
     */
    private static List<EventEnvelope<DomainEvent>> events(EventEnvelope<DomainEvent> envelope) {
        if (envelope.payload() instanceof PredictionMadeBatch batch) {
            return batch.expand().stream().map(p -> new EventEnvelope<DomainEvent>(envelope.eventId(), EventType.PREDICTION_MADE.wireName(),
                    envelope.schemaVersion(), envelope.occurredAt(), envelope.source(), envelope.key(), p)).toList();
        }
        return List.of(envelope);
    }

    @Override
    public void close() {
        consumer.close();
    }
}
