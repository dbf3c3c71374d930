package io.mlops.domain.feature;

import com.fasterxml.jackson.annotation.JsonProperty;

/** How {@link Transformation.Impute} chooses its fill value. */
public enum ImputeStrategy {
  @JsonProperty("mean")
  MEAN,
  /** Exact median: the fit keeps every value of the column in a primitive double array. */
  @JsonProperty("median")
  MEDIAN,
  /** The most frequent value; ties go to the smallest (as scikit-learn's SimpleImputer). */
  @JsonProperty("most_frequent")
  MOST_FREQUENT,
  @JsonProperty("constant")
  CONSTANT
}
