package io.mlops.domain.feature;

/** Standardize was fitted on values that are all equal: a standard deviation of 0 cannot scale anything. */
public final class ZeroVariance extends FeatureNotComputable {

  ZeroVariance(String feature, String column, String message) {
    super(feature, column, message);
  }
}
