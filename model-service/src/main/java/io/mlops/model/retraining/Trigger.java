package io.mlops.model.retraining;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The events a policy can react to, by their policy name. */
public enum Trigger {
  /** DriftDetected: a window of the version's traffic drifted from its training reference. */
  DRIFT("DriftDetected"),
  /** ModelPerformanceDegraded: its metric on labelled live traffic fell below the training value. */
  PERFORMANCE("ModelPerformanceDegraded");

  private final String eventType;

  Trigger(String eventType) {
    this.eventType = eventType;
  }

  public String eventType() {
    return eventType;
  }

  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  static Optional<Trigger> ofWireName(String name) {
    return Arrays.stream(values()).filter(t -> t.wireName().equals(name)).findFirst();
  }
}
