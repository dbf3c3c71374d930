package io.mlops.data.profile;

import io.mlops.domain.data.Histogram;
import io.mlops.domain.data.NumericSummary;
import io.mlops.domain.data.Quantiles;

/** One column's figures from the aggregate pass; {@code range} is null for non-numeric or all-null columns. */
record ColumnStats(long count, long distinct, String min, String max, NumericRange range, double mean, double stddev,
        Quantiles quantiles) {

    NumericSummary numeric(Histogram histogram) {
        return range == null ? null : new NumericSummary(range.min(), range.max(), mean, stddev, quantiles, histogram);
    }
}
