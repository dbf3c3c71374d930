package io.mlops.model.retraining;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;

/**
 * A model's retraining policy: when one of {@code triggers} arrives for the version behind {@code alias},
 * retrain it on the newest data and move the alias only if the challenger beats it by more than
 * {@code minImprovement}; a trigger within {@code cooldown} of the previous run's end is skipped.
 */
public record RetrainingPolicy(String model, boolean enabled, String alias, Set<Trigger> triggers,
    double minImprovement, Duration cooldown, String updatedBy, Instant updatedAt) {

  public RetrainingPolicy {
    triggers = Set.copyOf(triggers);
  }

  public boolean reactsTo(Trigger trigger) {
    return enabled && triggers.contains(trigger);
  }
}
