package io.mlops.monitoring.window;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.mlops.domain.id.ModelVersionRef;
import io.mlops.events.DomainEvent;
import io.mlops.events.EventEnvelope;
import io.mlops.events.PredictionMade;
import io.mlops.events.Topics;
import io.mlops.monitoring.MonitoringProperties;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * PredictionMade is the high-volume stream, so it is consumed in batches and deduplicated by prediction id
 * (ON CONFLICT DO NOTHING on the log's key) instead of the IdempotentConsumer's row per event id: the log row
 * is the dedupe record, one multi-row INSERT per batch instead of a processed_event insert per event.
 * A record that cannot be read (not JSON, unknown schemaVersion) is handed to the error handler after the
 * good records of the batch are stored: it goes to the DLT and the records after it are redelivered (and skipped
 * as duplicates).
 */
@Component
class PredictionBatchListener {

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

    @KafkaListener(topics = Topics.PREDICTIONS_MADE, id = "monitoring-predictions", containerFactory = "predictionBatchFactory",
            properties = "max.poll.records=${mlops.monitoring.max-poll-records:2000}")
    void on(List<ConsumerRecord<String, EventEnvelope<DomainEvent>>> records) {
        List<PredictionMade> events = new ArrayList<>(records.size());
        ConsumerRecord<String, EventEnvelope<DomainEvent>> unreadable = null;
        Instant oldest = clock.instant().minus(props.predictionRetention());
        for (ConsumerRecord<String, EventEnvelope<DomainEvent>> record : records) {
            if (record.value() == null) {
                unreadable = unreadable == null ? record : unreadable;
            } else if (record.value().payload() instanceof PredictionMade p) {
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

    private void store(List<PredictionMade> events) {
        if (events.isEmpty()) {
            return;
        }
        events.stream().map(e -> e.at().atZone(ZoneOffset.UTC).toLocalDate()).distinct().forEach(log::ensurePartition);
        List<PredictionLog.Inserted> inserted = tx.execute(status -> {
            List<PredictionLog.Inserted> rows = log.insert(events);
            Map<ModelVersionRef, Integer> perModel = new LinkedHashMap<>();
            rows.forEach(r -> perModel.merge(r.model(), 1, Integer::sum));
            perModel.forEach(windows::advance);
            return rows;
        });
        meters.counter("mlops.monitoring.predictions.duplicate").increment(events.size() - inserted.size());
        for (PredictionLog.Inserted row : inserted) {
            Timer.builder("mlops.prediction.latency").description("model latency reported by PredictionMade events")
                    .tags("model", row.model().model(), "version", Integer.toString(row.model().version()))
                    .register(meters).record(Duration.ofNanos((long) (row.latencyMs() * 1_000_000)));
        }
    }
}
