package io.mlops.runtime.artifact;

/** One raw input feature of the signature. */
public record Feature(String name, FeatureType type) {

  public Feature {
    if (name == null || name.isBlank()) {
      throw new ManifestInvalid("feature name is blank");
    }
    if (type == null) {
      throw new ManifestInvalid("feature '" + name + "' has no type");
    }
  }
}
