package io.mlops.model.retraining;

import io.mlops.domain.id.ModelVersionRef;
import java.util.Map;
import java.util.UUID;

/**
 * A trigger as retraining sees it: which event, for which version, and what it measured (kept with the run).
 *
 * @param summary a short human account for reasons, e.g. "window w-7, drift share 0.60"
 */
record TriggerEvent(Trigger trigger, UUID eventId, ModelVersionRef model, Map<String, Object> detail, String summary) {

  /** How reasons name the trigger: "DriftDetected 1f0c… for v1 (window w-7, drift share 0.60)". */
  String describe() {
    return trigger.eventType() + " " + eventId + " for v" + model.version() + " (" + summary + ")";
  }
}
