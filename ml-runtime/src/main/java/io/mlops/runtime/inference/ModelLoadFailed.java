package io.mlops.runtime.inference;

/** A model artifact could not be loaded by the PyTorch engine (corrupt parameters, bad TorchScript). */
public final class ModelLoadFailed extends RuntimeException {

  public ModelLoadFailed(String message) {
    super(message);
  }

  public ModelLoadFailed(String message, Throwable cause) {
    super(message, cause);
  }
}
