package io.mlops.runtime.inference;

/** libtorch's inter-op pool was sized already; it can be sized only before its first use. */
public final class InteropThreadsAlreadyFixed extends IllegalStateException {

  public InteropThreadsAlreadyFixed(String message) {
    super(message);
  }

  public InteropThreadsAlreadyFixed(String message, Throwable cause) {
    super(message, cause);
  }
}
