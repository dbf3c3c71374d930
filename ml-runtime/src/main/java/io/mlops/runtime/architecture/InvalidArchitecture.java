package io.mlops.runtime.architecture;

/** An architecture spec that cannot describe a network (hidden layer of size 0, dropout of 1, ...). */
public final class InvalidArchitecture extends IllegalArgumentException {

  public InvalidArchitecture(String message) {
    super(message);
  }
}
