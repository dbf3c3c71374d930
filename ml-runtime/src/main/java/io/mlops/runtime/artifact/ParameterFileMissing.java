package io.mlops.runtime.artifact;

/** The archive lacks the parameter file its model.json announces. */
public final class ParameterFileMissing extends RuntimeException {

  public ParameterFileMissing(String fileName) {
    super("model archive has no " + fileName);
  }
}
