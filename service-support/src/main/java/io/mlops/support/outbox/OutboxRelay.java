package io.mlops.support.outbox;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.common.errors.InvalidTopicException;
import org.apache.kafka.common.errors.RecordBatchTooLargeException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.SerializationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends committed outbox rows to Kafka in id order and marks them published. Delivery is at least once:
 * a crash between Kafka's acknowledgement and the marking resends the event, which consumers drop by
 * event id. One relay at a time per schema (a transaction-scoped advisory lock) keeps each aggregate's
 * events in order even with several replicas.
 */
public class OutboxRelay implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final KafkaTemplate<Object, Object> kafka;
    private final OutboxProperties props;
    private final Counter published;
    private final Counter failures;
    private final Counter parked;
    private final AtomicBoolean wakeUpQueued = new AtomicBoolean();
    private volatile ScheduledExecutorService executor;
    private volatile Instant lastCleanup = Instant.EPOCH;

    public OutboxRelay(JdbcClient jdbc, TransactionTemplate tx, KafkaTemplate<Object, Object> kafka, OutboxProperties props, MeterRegistry meters) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.kafka = kafka;
        this.props = props;
        this.published = Counter.builder("mlops.outbox.published").description("Outbox events acknowledged by Kafka").register(meters);
        this.failures = Counter.builder("mlops.outbox.failures").description("Outbox relay rounds that failed and will be retried").register(meters);
        this.parked = Counter.builder("mlops.outbox.parked").description("Outbox events Kafka can never accept, set aside").register(meters);
        Gauge.builder("mlops.outbox.pending", this, OutboxRelay::pendingCountOrNaN).description("Outbox events not yet published").register(meters);
    }

    /**
     * One relay round: sends up to {@code batchSize} pending events and marks those Kafka acknowledged.
     * Joins the caller's transaction if there is one. Returns how many were published.
     */
    public int relayOnce() {
        Integer count = tx.execute(status -> {
            Boolean leader = jdbc.sql("SELECT pg_try_advisory_xact_lock(hashtext('mlops-outbox:' || current_schema()))")
                    .query(Boolean.class).single();
            if (!Boolean.TRUE.equals(leader)) {
                return 0;
            }
            List<PendingEvent> pending = jdbc.sql("""
                    SELECT id, topic, record_key, payload::text FROM outbox_event
                    WHERE published_at IS NULL AND parked_at IS NULL ORDER BY id LIMIT ?""")
                    .param(props.batchSize())
                    .query((rs, n) -> new PendingEvent(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4)))
                    .list();
            List<Long> sent = send(pending);
            if (!sent.isEmpty()) {
                jdbc.sql("UPDATE outbox_event SET published_at = now(), attempts = attempts + 1 WHERE id = ANY(?)")
                        .param(sent.toArray(Long[]::new)).update();
            }
            return sent.size();
        });
        published.increment(count == null ? 0 : count);
        return count == null ? 0 : count;
    }

    /**
     * Sends all, then keeps the acknowledged prefix: a later event never overtakes one that failed and will
     * be retried. An event Kafka can never accept is parked instead, so it cannot block the ones behind it.
     */
    private List<Long> send(List<PendingEvent> pending) {
        List<CompletableFuture<?>> futures = new ArrayList<>(pending.size());
        for (PendingEvent event : pending) {
            futures.add(sendQuietly(event));
        }
        List<Long> acknowledged = new ArrayList<>(pending.size());
        long deadline = System.nanoTime() + props.sendTimeout().toNanos();
        for (int i = 0; i < pending.size(); i++) {
            try {
                futures.get(i).get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                acknowledged.add(pending.get(i).id());
            } catch (Exception e) {
                if (e instanceof InterruptedException) {
                    Thread.currentThread().interrupt();
                }
                if (isPermanent(e)) {
                    park(pending.get(i).id(), e);
                    continue;
                }
                failures.increment();
                recordFailure(pending.get(i).id(), e);
                break;
            }
        }
        return acknowledged;
    }

    private CompletableFuture<?> sendQuietly(PendingEvent event) {
        try {
            return kafka.send(event.topic(), event.key(), event.payload());
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    /** Errors that no retry can cure: the record itself is unacceptable (size, topic name, serialization). */
    private static boolean isPermanent(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof RecordTooLargeException || t instanceof RecordBatchTooLargeException
                    || t instanceof InvalidTopicException || t instanceof SerializationException) {
                return true;
            }
        }
        return false;
    }

    private void park(long id, Exception e) {
        log.error("Outbox event {} can never be published and is parked (see outbox_event.last_error): {}", id, e.toString());
        parked.increment();
        jdbc.sql("UPDATE outbox_event SET parked_at = now(), attempts = attempts + 1, last_error = ? WHERE id = ?")
                .params(String.valueOf(e.getMessage()), id).update();
    }

    private void recordFailure(long id, Exception e) {
        log.warn("Outbox event {} not acknowledged by Kafka, will retry: {}", id, e.toString());
        jdbc.sql("UPDATE outbox_event SET attempts = attempts + 1, last_error = ? WHERE id = ?")
                .params(String.valueOf(e.getMessage()), id).update();
    }

    /** Asks for a round as soon as possible (after a commit that wrote events). */
    public void wakeUp() {
        ScheduledExecutorService ex = executor;
        if (ex != null && wakeUpQueued.compareAndSet(false, true)) {
            ex.execute(this::drain);
        }
    }

    private void drain() {
        wakeUpQueued.set(false);
        try {
            while (relayOnce() == props.batchSize()) {
                // a full batch means more may be waiting
            }
            cleanUpIfDue();
        } catch (RuntimeException e) {
            log.warn("Outbox relay round failed, retrying in {}: {}", props.pollInterval(), e.toString());
        }
    }

    private void cleanUpIfDue() {
        Instant now = Instant.now();
        if (Duration.between(lastCleanup, now).compareTo(Duration.ofMinutes(10)) < 0) {
            return;
        }
        lastCleanup = now;
        jdbc.sql("DELETE FROM outbox_event WHERE published_at < now() - make_interval(secs => ?)")
                .param((double) props.retention().toSeconds()).update();
    }

    private double pendingCountOrNaN() {
        try {
            return jdbc.sql("SELECT count(*) FROM outbox_event WHERE published_at IS NULL AND parked_at IS NULL").query(Long.class).single();
        } catch (RuntimeException e) {
            return Double.NaN;
        }
    }

    @Override
    public void start() {
        if (!props.enabled() || executor != null) {
            return;
        }
        executor = Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "outbox-relay"));
        long interval = props.pollInterval().toMillis();
        executor.scheduleWithFixedDelay(this::drain, 0, interval, TimeUnit.MILLISECONDS);
    }

    @Override
    public void stop() {
        ScheduledExecutorService ex = executor;
        executor = null;
        if (ex != null) {
            ex.shutdown();
            try {
                ex.awaitTermination(props.sendTimeout().toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return executor != null;
    }

    private record PendingEvent(long id, String topic, String key, String payload) {
    }
}
