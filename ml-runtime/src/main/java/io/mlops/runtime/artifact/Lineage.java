package io.mlops.runtime.artifact;

/**
 * Where the model comes from. Any part may be null (an imported TorchScript model has none).
 *
 * @param trainingJobId id of the model-service training job, as a string
 */
public record Lineage(DatasetRef dataset, FeatureSetRef featureSet, String trainingJobId) {

  /** A dataset version and the SHA-256 of its content. */
  public record DatasetRef(String name, long version, String sha256) {}

  /** A feature-set version. */
  public record FeatureSetRef(String name, long version) {}
}
