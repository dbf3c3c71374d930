package io.mlops.model.retraining;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * One retraining as the API shows it. {@code state} TRAINING while the challenger's job runs, then
 * FINISHED with a {@code decision}: PROMOTED (alias moved), REJECTED (challenger not better), FAILED
 * (job or gate failed) or SKIPPED (not started: run open, cooldown, champion not trained, no newer data).
 *
 * @param metric the gate's metric (higher is better), with both versions' scores once gated
 */
public record RetrainingRun(UUID id, String model, String alias, TriggerView trigger, int championVersion,
    Integer challengerVersion, UUID trainingJobId, String featureSet, Integer featureSetVersion, String metric,
    Double championScore, Double challengerScore, State state, Decision decision, String reason, Instant createdAt,
    Instant finishedAt) {

  public enum State { TRAINING, FINISHED }

  public enum Decision { PROMOTED, REJECTED, FAILED, SKIPPED }

  /** @param type the event type; @param detail what it measured (window, drift share / metric values) */
  public record TriggerView(String type, UUID eventId, Map<String, Object> detail) {
  }
}
