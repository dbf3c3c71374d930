package io.mlops.domain.feature;

/**
 * A feature could not be defined, fitted or computed. Every subclass names the feature and the
 * source column so a service can answer 422 with what and where.
 */
public abstract sealed class FeatureNotComputable extends RuntimeException
    permits ColumnNotFound, FeatureDefinitionInvalid, NoValuesToFit, RequiredValueMissing,
        TooManyCategories, TransformationNotApplicable, ValueOutsideDomain, ZeroVariance {

  private final String feature;
  private final String column;

  FeatureNotComputable(String feature, String column, String message) {
    super((feature == null ? "feature spec" : "feature '" + feature + "' (column '" + column + "')")
        + ": " + message);
    this.feature = feature;
    this.column = column;
  }

  /** The output name of the feature concerned; null when the problem is the spec as a whole. */
  public String feature() {
    return feature;
  }

  /** The source column of the feature concerned. */
  public String column() {
    return column;
  }
}
