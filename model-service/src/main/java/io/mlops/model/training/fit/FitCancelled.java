package io.mlops.model.training.fit;

/** The fit stopped because its job was cancelled. */
public final class FitCancelled extends RuntimeException {

  public FitCancelled() {
    super("cancelled");
  }
}
