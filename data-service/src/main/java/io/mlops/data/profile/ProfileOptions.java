package io.mlops.data.profile;

import io.mlops.data.schema.CategoricalRule;

/**
 * Sizes of a profile.
 *
 * @param exactDistinctMaxRows up to this many rows distinct counts are exact ({@code count(DISTINCT)}),
 *                             above it DuckDB's HyperLogLog {@code approx_count_distinct}, flagged as estimate
 * @param topValues            most frequent values kept per string, categorical or boolean column
 * @param histogramBins        equal-width bins per numeric column
 * @param categorical          the rule that turns a string column into a categorical one
 */
public record ProfileOptions(long exactDistinctMaxRows, int topValues, int histogramBins, CategoricalRule categorical) {
}
