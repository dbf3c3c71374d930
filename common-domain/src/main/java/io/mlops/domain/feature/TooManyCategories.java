package io.mlops.domain.feature;

/** A one-hot column has more distinct values than a fit may track in memory. */
public final class TooManyCategories extends FeatureNotComputable {

  TooManyCategories(String feature, String column, String message) {
    super(feature, column, message);
  }
}
