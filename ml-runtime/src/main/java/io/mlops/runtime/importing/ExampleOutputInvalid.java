package io.mlops.runtime.importing;

/** The trial run on the example row gave a NaN or infinite output: the module would answer garbage. */
public final class ExampleOutputInvalid extends RuntimeException {

  public ExampleOutputInvalid(String message) {
    super(message);
  }
}
