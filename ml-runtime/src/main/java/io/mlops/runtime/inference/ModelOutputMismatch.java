package io.mlops.runtime.inference;

/** The network emits a different number of outputs per row than its manifest's output declares. */
public final class ModelOutputMismatch extends RuntimeException {

  public ModelOutputMismatch(String message) {
    super(message);
  }

  public ModelOutputMismatch(String message, Throwable cause) {
    super(message, cause);
  }
}
