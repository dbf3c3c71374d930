package io.mlops.domain.feature;

/** What a feature's chain expects from its source column, decided by the chain's shape. */
enum ValueKind {
  /** Numbers (booleans count as 0 and 1): the default. */
  NUMERIC,
  /** Category keys: a chain that is only one-hot, optionally after impute. */
  CATEGORICAL,
  /** Dates and timestamps: a chain that is only date parts. */
  TEMPORAL
}
