package io.mlops.runtime.inference;

/** The model (and so its predictors) was closed; its native memory is gone. */
public final class ModelAlreadyClosed extends IllegalStateException {

  public ModelAlreadyClosed(String message) {
    super(message);
  }

  public ModelAlreadyClosed(String message, Throwable cause) {
    super(message, cause);
  }
}
