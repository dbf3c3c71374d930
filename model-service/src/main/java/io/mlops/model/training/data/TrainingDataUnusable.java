package io.mlops.model.training.data;

/** The training data cannot train the requested task (a non-numeric target, one class only, a missing value). */
public class TrainingDataUnusable extends RuntimeException {

  public TrainingDataUnusable(String message) {
    super(message);
  }
}
