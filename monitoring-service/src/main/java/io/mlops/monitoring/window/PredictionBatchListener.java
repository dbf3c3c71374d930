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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * PredictionMade is the high-volume stream, so it is consumed in batches and deduplicated by prediction id instead
 * of the IdempotentConsumer's row per event id: the log row is the dedupe record. Per batch: one query for the ids
 * already stored (a redelivered batch finds all of them and counts nothing twice), then {@link IntakeWriter} places
 * the new rows in their windows, COPYs them with their window id and closes the windows they filled, in one
 * transaction shared with other consumer threads' batches (group commit). Kafka offsets are committed only after the
 * listener returns, that is after that transaction committed, so after a crash the batch is replayed, never lost.
 * Records are read by {@link PredictionRowDeserializer} (one streaming pass, features kept as JSON text).
 * A record that cannot be read (not JSON, unknown schemaVersion, not a PredictionMade) is handed to the error handler after the
 * good records of the batch are stored: it goes to the DLT and the records after it are redelivered (and skipped
 * as duplicates).
 */
@Component
class PredictionBatchListener {

    private static final Logger LOG = LoggerFactory.getLogger(PredictionBatchListener.class);

    private final PredictionLog log;
    private final IntakeWriter writer;
    private final Windows windows;
    private final TransactionTemplate tx;
    private final MeterRegistry meters;
    private final MonitoringProperties props;
    private final Clock clock;

    PredictionBatchListener(PredictionLog log, IntakeWriter writer, Windows windows, TransactionTemplate tx, MeterRegistry meters,
                            MonitoringProperties props, Optional<Clock> clock) {
        this.log = log;
        this.writer = writer;
        this.windows = windows;
        this.tx = tx;
        this.meters = meters;
        this.props = props;
        this.clock = clock.orElse(Clock.systemUTC());
    }

    @KafkaListener(topics = Topics.PREDICTIONS_MADE, id = "monitoring-predictions", containerFactory = "predictionBatchFactory")
    void on(List<ConsumerRecord<String, PredictionRow>> records) {
        List<PredictionRow> events = new ArrayList<>(records.size());
        ConsumerRecord<String, PredictionRow> unreadable = null;
        Instant oldest = clock.instant().minus(props.predictionRetention());
        for (ConsumerRecord<String, PredictionRow> record : records) {
            PredictionRow p = record.value();
            if (p == null) {
                unreadable = unreadable == null ? record : unreadable;
            } else {
                if (p.at().isBefore(oldest)) {
                    meters.counter("mlops.monitoring.predictions.expired").increment();
                } else {
                    events.add(p);
                }
            }
        }
        store(events);
        if (unreadable != null) {
            throw new BatchListenerFailedException("unreadable PredictionMade record", unreadable);
        }
    }

    private void store(List<PredictionRow> events) {
        if (events.isEmpty()) {
            return;
        }
        events.stream().map(e -> e.at().atZone(ZoneOffset.UTC).toLocalDate()).distinct().forEach(log::ensurePartition);
        // outside the transaction, so nothing is locked meanwhile: which events are new, and their COPY rows
        long t0 = System.nanoTime();
        List<PredictionRow> fresh = log.unseen(events);
        IntakeWriter.phase(meters, "dedupe", t0);
        meters.counter("mlops.monitoring.predictions.duplicate").increment(events.size() - fresh.size());
        if (fresh.isEmpty()) {
            return;
        }
        List<String> rows = fresh.stream().map(PredictionLog::copyRow).toList();
        List<UUID> closing = writer.write(new IntakeWriter.Batch(fresh, rows));
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
            IntakeWriter.phase(meters, "judge", t5);
        }
        Map<ModelVersionRef, Timer> latency = new HashMap<>();
        for (PredictionRow e : fresh) {
            latency.computeIfAbsent(e.model(), model -> Timer.builder("mlops.prediction.latency")
                            .description("model latency reported by PredictionMade events")
                            .tags("model", model.model(), "version", Integer.toString(model.version())).register(meters))
                    .record(Duration.ofNanos((long) (e.latencyMs() * 1_000_000)));
        }
    }
}
