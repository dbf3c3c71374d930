package io.mlops.runtime.inference;

/** The engine failed while computing a batch. */
public final class PredictionFailed extends RuntimeException {

  public PredictionFailed(String message) {
    super(message);
  }

  public PredictionFailed(String message, Throwable cause) {
    super(message, cause);
  }
}
