package io.mlops.runtime.inference;

/** The input matrix does not have the width the model's signature declares. */
public final class InputShapeMismatch extends IllegalArgumentException {

  public InputShapeMismatch(String message) {
    super(message);
  }

  public InputShapeMismatch(String message, Throwable cause) {
    super(message, cause);
  }
}
