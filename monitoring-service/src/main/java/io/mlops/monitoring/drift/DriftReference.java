package io.mlops.monitoring.drift;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The prepared reference of one model version: a numeric or categorical reference per column, in order, and the
 * temporal columns, which are reported as skipped rather than compared.
 */
public final class DriftReference {

    /** The entry of a temporal column: nothing to prepare. */
    private enum Temporal { COLUMN }

    private final Map<String, Object> columns;

    private DriftReference(Map<String, Object> columns) {
        this.columns = Collections.unmodifiableMap(new LinkedHashMap<>(columns));
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Column names in the order they were added. */
    public Set<String> columnNames() {
        return columns.keySet();
    }

    /** The numeric reference of the column, or null when the column is absent or categorical. */
    public NumericReference numeric(String column) {
        return columns.get(column) instanceof NumericReference r ? r : null;
    }

    /** The categorical reference of the column, or null when the column is absent or numeric. */
    public CategoricalReference categorical(String column) {
        return columns.get(column) instanceof CategoricalReference r ? r : null;
    }

    /** Whether the column is a date or timestamp column, which is never compared. */
    public boolean temporal(String column) {
        return columns.get(column) == Temporal.COLUMN;
    }

    public static final class Builder {

        private final Map<String, Object> columns = new LinkedHashMap<>();

        private Builder() {
        }

        /** Prepares a numeric column from raw values (NaN and infinities dropped). */
        public Builder numeric(String column, double[] values) {
            return numeric(column, NumericReference.of(values));
        }

        public Builder numeric(String column, NumericReference reference) {
            columns.put(Objects.requireNonNull(column), Objects.requireNonNull(reference));
            return this;
        }

        /** Prepares a categorical column from raw values (nulls dropped). */
        public Builder categorical(String column, String[] values) {
            return categorical(column, CategoricalReference.of(values));
        }

        public Builder categorical(String column, CategoricalReference reference) {
            columns.put(Objects.requireNonNull(column), Objects.requireNonNull(reference));
            return this;
        }

        /** A date or timestamp column: listed as skipped ({@code TEMPORAL}) in every report, never in the share. */
        public Builder temporal(String column) {
            columns.put(Objects.requireNonNull(column), Temporal.COLUMN);
            return this;
        }

        public DriftReference build() {
            return new DriftReference(columns);
        }
    }
}
