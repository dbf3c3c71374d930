package io.mlops.support.outbox;

import io.mlops.events.DomainEvent;
import io.mlops.events.EventEnvelope;
import io.mlops.events.EventJson;
import java.sql.Timestamp;
import java.time.Clock;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The only way a service publishes a domain event: {@link #append} stores it in the current transaction.
 * If that transaction rolls back, the event never existed; once it commits, the relay is woken up.
 */
public class OutboxWriter {

    private final JdbcClient jdbc;
    private final String source;
    private final Clock clock;
    private final Runnable afterCommit;

    public OutboxWriter(JdbcClient jdbc, String source, Clock clock, Runnable afterCommit) {
        this.jdbc = jdbc;
        this.source = source;
        this.clock = clock;
        this.afterCommit = afterCommit;
    }

    /** Stores the event; must run inside the transaction that makes the change it announces. */
    public <E extends DomainEvent> EventEnvelope<E> append(E event) {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("outbox events must be appended inside the transaction of the change they announce");
        }
        EventEnvelope<E> envelope = EventEnvelope.wrap(source, event, clock);
        jdbc.sql("""
                INSERT INTO outbox_event (event_id, event_type, topic, record_key, payload, created_at)
                VALUES (?, ?, ?, ?, ?::jsonb, ?)""")
                .params(envelope.eventId(), envelope.type(), envelope.topic(), envelope.key(), EventJson.write(envelope),
                        Timestamp.from(envelope.occurredAt()))
                .update();
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                afterCommit.run();
            }
        });
        return envelope;
    }
}
