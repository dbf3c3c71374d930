package io.mlops.model.retraining;

import io.mlops.events.DomainEvent;
import io.mlops.events.DriftDetected;
import io.mlops.events.EventEnvelope;
import io.mlops.events.ModelPerformanceDegraded;
import io.mlops.events.Topics;
import io.mlops.support.messaging.IdempotentConsumer;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Monitoring's verdicts, once per event id: the run it starts (or the skip it records) commits with the
 * event's id, the challenger job row and its request event. Its own consumer group, so a rebalance of
 * the training-request consumers never pauses it; replicas share the partitions.
 */
@Component
class TriggerListener {

  static final String CONSUMER = "model-service.retraining";

  private final IdempotentConsumer idempotent;
  private final RetrainingStarter starter;

  TriggerListener(IdempotentConsumer idempotent, RetrainingStarter starter) {
    this.idempotent = idempotent;
    this.starter = starter;
  }

  @KafkaListener(topics = {Topics.DRIFT_DETECTED, Topics.PERFORMANCE_DEGRADED}, groupId = CONSUMER,
      autoStartup = "${mlops.model.retraining.act-on-triggers:true}")
  void on(EventEnvelope<DomainEvent> envelope) {
    TriggerEvent trigger = switch (envelope.payload()) {
      case DriftDetected drift -> drift(envelope, drift);
      case ModelPerformanceDegraded degraded -> degraded(envelope, degraded);
      default -> null;
    };
    if (trigger != null) {
      idempotent.process(CONSUMER, envelope, e -> starter.start(trigger));
    }
  }

  private static TriggerEvent drift(EventEnvelope<?> envelope, DriftDetected event) {
    var r = event.result();
    Map<String, Object> detail = new LinkedHashMap<>();
    detail.put("windowId", r.windowId());
    detail.put("windowStart", String.valueOf(r.windowStart()));
    detail.put("windowEnd", String.valueOf(r.windowEnd()));
    detail.put("rows", r.rows());
    detail.put("driftShare", r.driftShare());
    detail.put("datasetDrift", r.datasetDrift());
    detail.put("predictionDrift", event.predictionDrift());
    return new TriggerEvent(Trigger.DRIFT, envelope.eventId(), r.model(), detail,
        String.format(Locale.ROOT, "window %s, drift share %.2f", r.windowId(), r.driftShare()));
  }

  private static TriggerEvent degraded(EventEnvelope<?> envelope, ModelPerformanceDegraded event) {
    Map<String, Object> detail = new LinkedHashMap<>();
    detail.put("windowId", event.windowId());
    detail.put("metric", event.metric());
    detail.put("trainingValue", event.trainingValue());
    detail.put("currentValue", event.currentValue());
    detail.put("threshold", event.threshold());
    detail.put("labelledRows", event.labelledRows());
    return new TriggerEvent(Trigger.PERFORMANCE, envelope.eventId(), event.model(), detail,
        String.format(Locale.ROOT, "window %s, %s %.4f vs %.4f at training", event.windowId(), event.metric(),
            event.currentValue(), event.trainingValue()));
  }
}
