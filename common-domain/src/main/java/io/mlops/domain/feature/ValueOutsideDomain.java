package io.mlops.domain.feature;

/** A value is outside what a transformation accepts (log1p of a value at or below -1, an infinite number). */
public final class ValueOutsideDomain extends FeatureNotComputable {

  ValueOutsideDomain(String feature, String column, String message) {
    super(feature, column, message);
  }
}
