package io.mlops.domain.data;

import java.util.List;

/**
 * Profile of one column, computed at ingestion. {@code count} counts non-null values. {@code min} and
 * {@code max} are rendered as text so temporal and string columns have them too; {@code numeric} is
 * present for numeric columns, {@code topValues} for categorical, string and boolean ones.
 */
public record ColumnProfile(
        String name,
        ColumnType type,
        long count,
        long nulls,
        long distinct,
        boolean distinctIsEstimate,
        String min,
        String max,
        NumericSummary numeric,
        List<ValueCount> topValues) {

    public ColumnProfile {
        topValues = topValues == null ? null : List.copyOf(topValues);
    }
}
