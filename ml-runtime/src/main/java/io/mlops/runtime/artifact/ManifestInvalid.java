package io.mlops.runtime.artifact;

/** A model.json that is well-formed JSON but does not describe a usable model. */
public final class ManifestInvalid extends IllegalArgumentException {

  public ManifestInvalid(String message) {
    super(message);
  }

  public ManifestInvalid(String message, Throwable cause) {
    super(message, cause);
  }
}
