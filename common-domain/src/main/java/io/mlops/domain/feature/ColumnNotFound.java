package io.mlops.domain.feature;

/** The source column of a feature is not in the data. */
public final class ColumnNotFound extends FeatureNotComputable {

  ColumnNotFound(String feature, String column, String message) {
    super(feature, column, message);
  }
}
