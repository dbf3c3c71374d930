package io.mlops.domain.feature;

/** A feature definition or fitted spec breaks a structural rule (order of transformations, bad parameters, duplicate names). */
public final class FeatureDefinitionInvalid extends FeatureNotComputable {

  FeatureDefinitionInvalid(String feature, String column, String message) {
    super(feature, column, message);
  }
}
