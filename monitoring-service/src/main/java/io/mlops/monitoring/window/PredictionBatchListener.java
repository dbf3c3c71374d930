package io.mlops.monitoring.window;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.mlops.domain.id.ModelVersionRef;
import io.mlops.events.Topics;
import io.mlops.monitoring.MonitoringProperties;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * PredictionMade is the high-volume stream, so it is consumed in batches and deduplicated by prediction id instead
 * of the IdempotentConsumer's row per event id: the log row is the dedupe record. A record is a PredictionMadeBatch
 * (many predictions) or, from older producers, a single PredictionMade; a redelivered batch record carries the same
 * prediction ids, so deduping its predictions dedupes the envelope too (and a prediction somehow sent in two envelopes
 * is still counted once, which an event-id check alone would not give). Per batch: one query for the ids
 * already stored (a redelivered batch finds all of them and counts nothing twice), then one transaction that places
 * the new rows in their windows, COPYs them with their window id and closes the windows they filled. Kafka offsets
 * are committed only after the listener returns, so after a crash the batch is replayed, never lost.
 * Records are read by {@link PredictionRowDeserializer} (one streaming pass, features kept as JSON text).
 * A record that cannot be read (not JSON, unknown schemaVersion, not a PredictionMade) is handed to the error handler after the
 * good records of the batch are stored: it goes to the DLT and the records after it are redelivered (and skipped
 * as duplicates).
 */
@Component
class PredictionBatchListener {

    private static final Logger LOG = LoggerFactory.getLogger(PredictionBatchListener.class);

    private final PredictionLog log;
    private final Windows windows;
    private final TransactionTemplate tx;
    private final MeterRegistry meters;
    private final MonitoringProperties props;
    private final Clock clock;

    PredictionBatchListener(PredictionLog log, Windows windows, TransactionTemplate tx, MeterRegistry meters, MonitoringProperties props,
                            Optional<Clock> clock) {
        this.log = log;
        this.windows = windows;
        this.tx = tx;
        this.meters = meters;
        this.props = props;
        this.clock = clock.orElse(Clock.systemUTC());
    }

    @KafkaListener(topics = Topics.PREDICTIONS_MADE, id = "monitoring-predictions", containerFactory = "predictionBatchFactory")
    void on(List<ConsumerRecord<String, List<PredictionRow>>> records) {
        List<PredictionRow> events = new ArrayList<>(records.size());
        ConsumerRecord<String, List<PredictionRow>> unreadable = null;
        Instant oldest = clock.instant().minus(props.predictionRetention());
        for (ConsumerRecord<String, List<PredictionRow>> record : records) {
            List<PredictionRow> predictions = record.value();
            if (predictions == null) {
                unreadable = unreadable == null ? record : unreadable;
            } else {
                for (PredictionRow p : predictions) {
                    if (p.at().isBefore(oldest)) {
                        meters.counter("mlops.monitoring.predictions.expired").increment();
                    } else {
                        events.add(p);
                    }
                }
            }
        }
        // A record may hold hundreds of predictions (PredictionMadeBatch): a poll's worth is stored in transactions of at
        // most max-poll-records predictions, as when every record held one, so a transaction's size stays what was measured.
        for (int from = 0; from < events.size(); from += props.maxPollRecords()) {
            store(events.subList(from, Math.min(events.size(), from + props.maxPollRecords())));
        }
        if (unreadable != null) {
            throw new BatchListenerFailedException("unreadable PredictionMade record", unreadable);
        }
    }

    /**
     * Time per batch in each step of the intake, {@code mlops_monitoring_intake_seconds{phase}}: dedupe (query for
     * stored ids), place (includes waiting for the open window's lock), copy, settle, transaction (all of the
     * transaction, commit included: the part consumer threads of one model version take in turn) and judge.
     */
    private void phase(String name, long startNanos) {
        Timer.builder("mlops.monitoring.intake").description("PredictionMade intake time per batch, by step").tag("phase", name)
                .register(meters).record(System.nanoTime() - startNanos, TimeUnit.NANOSECONDS);
    }

    private void store(List<PredictionRow> events) {
        if (events.isEmpty()) {
            return;
        }
        events.stream().map(e -> e.at().atZone(ZoneOffset.UTC).toLocalDate()).distinct().forEach(log::ensurePartition);
        // outside the transaction, so nothing is locked meanwhile: which events are new, and their COPY rows
        long t0 = System.nanoTime();
        List<PredictionRow> fresh = log.unseen(events);
        phase("dedupe", t0);
        meters.counter("mlops.monitoring.predictions.duplicate").increment(events.size() - fresh.size());
        if (fresh.isEmpty()) {
            return;
        }
        List<String> rows = fresh.stream().map(PredictionLog::copyRow).toList();
        // model versions in a fixed order, so that consumer threads lock their open windows in the same order
        Map<ModelVersionRef, List<Integer>> byModel = new TreeMap<>(Comparator.comparing(ModelVersionRef::model)
                .thenComparingInt(ModelVersionRef::version));
        for (int i = 0; i < fresh.size(); i++) {
            byModel.computeIfAbsent(fresh.get(i).model(), m -> new ArrayList<>()).add(i);
        }
        long t1 = System.nanoTime();
        List<UUID> closing = tx.execute(status -> {
            long t2 = System.nanoTime();
            UUID[] windowOf = new UUID[fresh.size()];
            List<Windows.Placement> placements = new ArrayList<>();
            byModel.forEach((model, indexes) -> {
                Windows.Placement placement = windows.place(model, indexes.size());
                int next = 0;
                for (Windows.Run run : placement.runs()) {
                    for (int r = 0; r < run.rows(); r++) {
                        windowOf[indexes.get(next++)] = run.windowId();
                    }
                }
                placements.add(placement);
            });
            phase("place", t2);
            long t3 = System.nanoTime();
            log.copy(rows, windowOf);
            phase("copy", t3);
            long t4 = System.nanoTime();
            List<UUID> filled = new ArrayList<>();
            placements.forEach(p -> filled.addAll(windows.settle(p)));
            phase("settle", t4);
            return filled;
        });
        phase("transaction", t1);
        // each filled window is judged in a transaction of its own, without the open window's lock (see Windows.settle);
        // should this thread die first, the expiry job judges the windows left CLOSING
        long t5 = System.nanoTime();
        for (UUID id : closing) {
            try {
                tx.executeWithoutResult(status -> windows.judge(id));
            } catch (RuntimeException e) {
                // the batch is stored and must not be redelivered (or dead-lettered) for this: the expiry job retries the window
                LOG.warn("judging window {} failed; the expiry job will retry it", id, e);
            }
        }
        if (!closing.isEmpty()) {
            phase("judge", t5);
        }
        byModel.forEach((model, indexes) -> {
            Timer latency = Timer.builder("mlops.prediction.latency").description("model latency reported by PredictionMade events")
                    .tags("model", model.model(), "version", Integer.toString(model.version())).register(meters);
            indexes.forEach(i -> latency.record(Duration.ofNanos((long) (fresh.get(i).latencyMs() * 1_000_000))));
        });
    }
}
