package io.mlops.support.messaging;

import io.micrometer.core.instrument.MeterRegistry;
import io.mlops.events.EventEnvelope;
import java.util.function.Consumer;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Applies an event at most once per consumer: the event id is recorded in the same transaction as the
 * effect, so a redelivered event (outbox resend, consumer rebalance) finds its id and is skipped.
 */
public class IdempotentConsumer {

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final MeterRegistry meters;

    public IdempotentConsumer(JdbcClient jdbc, TransactionTemplate tx, MeterRegistry meters) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.meters = meters;
    }

    /** Runs {@code effect} in a transaction unless {@code consumer} already processed this event; returns whether it ran. */
    public <E extends EventEnvelope<?>> boolean process(String consumer, E envelope, Consumer<E> effect) {
        Boolean ran = tx.execute(status -> {
            int inserted = jdbc.sql("INSERT INTO processed_event (consumer, event_id) VALUES (?, ?) ON CONFLICT DO NOTHING")
                    .params(consumer, envelope.eventId())
                    .update();
            if (inserted == 0) {
                return false;
            }
            effect.accept(envelope);
            return true;
        });
        if (!Boolean.TRUE.equals(ran)) {
            meters.counter("mlops.events.duplicates", "consumer", consumer, "type", envelope.type()).increment();
            return false;
        }
        meters.counter("mlops.events.processed", "consumer", consumer, "type", envelope.type()).increment();
        return true;
    }
}
