package io.mlops.domain.feature;

import java.util.OptionalLong;

/**
 * A feature could not be defined, fitted or computed. Every subclass names the feature and the
 * source column so a service can answer 422 with what and where.
 */
public abstract sealed class FeatureNotComputable extends RuntimeException
    permits ColumnNotFound, FeatureDefinitionInvalid, NoValuesToFit, RequiredValueMissing,
        TooManyCategories, TransformationNotApplicable, ValueOutsideDomain, ZeroVariance {

  private final String feature;
  private final String column;
  private long row = -1;

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

  /**
   * The 0-based index of the offending row within a fitting pass or a {@code transformBatch} call;
   * empty for a single-row call, whose caller knows the row.
   */
  public OptionalLong row() {
    return row < 0 ? OptionalLong.empty() : OptionalLong.of(row);
  }

  /** Records where the failure happened; the exception is rethrown as is, so its type is kept. */
  FeatureNotComputable atRow(long index) {
    this.row = index;
    return this;
  }

  @Override
  public String getMessage() {
    return row < 0 ? super.getMessage() : super.getMessage() + " (row " + row + ")";
  }
}
