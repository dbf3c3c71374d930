package io.mlops.runtime.importing;

/** The uploaded file is not a TorchScript archive (e.g. a pickled Python object, or not a zip at all). */
public final class NotTorchScript extends RuntimeException {

  public NotTorchScript(String message) {
    super(message);
  }

  public NotTorchScript(String message, Throwable cause) {
    super(message, cause);
  }
}
