package io.mlops.runtime.artifact;

/** The archive's SHA-256 is not the one expected: corrupted or swapped in transit or storage. */
public final class ArtifactChecksumMismatch extends RuntimeException {

  public ArtifactChecksumMismatch(String expected, String actual) {
    super("model archive SHA-256 is " + actual + ", expected " + expected);
  }
}
