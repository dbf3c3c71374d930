package io.mlops.domain.feature;

/** A transformation does not fit the type of the column's values (standardize on text, date parts on numbers). */
public final class TransformationNotApplicable extends FeatureNotComputable {

  TransformationNotApplicable(String feature, String column, String message) {
    super(feature, column, message);
  }
}
