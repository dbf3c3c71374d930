package io.mlops.model.training;

/** A job's life: QUEUED → RUNNING → SUCCEEDED | FAILED | CANCELLED; a crashed RUNNING job goes back to QUEUED or FAILED. */
public enum JobState {
  QUEUED, RUNNING, SUCCEEDED, FAILED, CANCELLED;

  public boolean finished() {
    return this == SUCCEEDED || this == FAILED || this == CANCELLED;
  }
}
