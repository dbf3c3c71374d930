package io.mlops.domain.feature;

/** A value is missing (null, absent or NaN) and the feature has no impute transformation to fill it. */
public final class RequiredValueMissing extends FeatureNotComputable {

  RequiredValueMissing(String feature, String column, String message) {
    super(feature, column, message);
  }
}
