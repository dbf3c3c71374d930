package io.mlops.domain.feature;

/** A data-dependent transformation saw no rows, or only missing values, so it has nothing to learn from. */
public final class NoValuesToFit extends FeatureNotComputable {

  NoValuesToFit(String feature, String column, String message) {
    super(feature, column, message);
  }
}
