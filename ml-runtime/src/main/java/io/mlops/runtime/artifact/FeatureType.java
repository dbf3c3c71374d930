package io.mlops.runtime.artifact;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Type of a raw input feature, before the transformations. */
public enum FeatureType {
  @JsonProperty("number")
  NUMBER,
  @JsonProperty("integer")
  INTEGER,
  @JsonProperty("boolean")
  BOOLEAN,
  @JsonProperty("string")
  STRING
}
