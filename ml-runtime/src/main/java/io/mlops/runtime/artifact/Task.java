package io.mlops.runtime.artifact;

import com.fasterxml.jackson.annotation.JsonProperty;

/** What the model predicts. */
public enum Task {
  @JsonProperty("regression")
  REGRESSION,
  @JsonProperty("binary")
  BINARY,
  @JsonProperty("multiclass")
  MULTICLASS
}
