package io.mlops.support;

import io.mlops.events.DataIngested;
import io.mlops.events.DomainEvent;
import io.mlops.events.EventEnvelope;
import io.mlops.events.Topics;
import io.mlops.support.messaging.IdempotentConsumer;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** Consumes DataIngested idempotently; counts every delivery so tests can see duplicates arrive. */
@Component
class RecordingListener {

    static final long FAILING_ROW_COUNT = 666;
    /** An event with this row count fails for {@link #FLAKY_FOR} after its first delivery, as while a peer restarts. */
    static final long FLAKY_ROW_COUNT = 777;
    static final Duration FLAKY_FOR = Duration.ofMillis(2500);

    final Map<UUID, AtomicInteger> deliveries = new ConcurrentHashMap<>();
    private final Map<UUID, Long> firstDelivery = new ConcurrentHashMap<>();
    private final IdempotentConsumer idempotent;
    private final JdbcClient jdbc;

    RecordingListener(IdempotentConsumer idempotent, JdbcClient jdbc) {
        this.idempotent = idempotent;
        this.jdbc = jdbc;
    }

    @KafkaListener(topics = Topics.DATA_INGESTED)
    void on(EventEnvelope<DomainEvent> envelope) {
        deliveries.computeIfAbsent(envelope.eventId(), id -> new AtomicInteger()).incrementAndGet();
        DataIngested event = (DataIngested) envelope.payload();
        if (event.rowCount() == FAILING_ROW_COUNT) {
            throw new IllegalStateException("this event always fails to apply");
        }
        long first = firstDelivery.computeIfAbsent(envelope.eventId(), id -> System.nanoTime());
        if (event.rowCount() == FLAKY_ROW_COUNT && System.nanoTime() - first < FLAKY_FOR.toNanos()) {
            throw new IllegalStateException("this event fails until its peer is back");
        }
        idempotent.process("recording-listener", envelope, e -> jdbc.sql("INSERT INTO test_effect (event_id, dataset) VALUES (?, ?)")
                .params(e.eventId(), event.version().dataset()).update());
    }

    int deliveriesOf(UUID eventId) {
        AtomicInteger n = deliveries.get(eventId);
        return n == null ? 0 : n.get();
    }

    long effectsOf(UUID eventId) {
        return jdbc.sql("SELECT count(*) FROM test_effect WHERE event_id = ?").param(eventId).query(Long.class).single();
    }
}
