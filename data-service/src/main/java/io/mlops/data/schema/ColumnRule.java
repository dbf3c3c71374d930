package io.mlops.data.schema;

import java.util.List;

/**
 * Rules declared for one column; null or false means "no such rule".
 *
 * @param name          column name, exact
 * @param required      the column must exist
 * @param notNull       no value may be null (empty in CSV)
 * @param min           numeric lower bound, inclusive; a non-numeric value violates it
 * @param max           numeric upper bound, inclusive; a non-numeric value violates it
 * @param allowedValues the only values allowed, compared with the value's text (as in the file for CSV text
 *                      columns; DuckDB's rendering otherwise, e.g. "4.0" for a FLOAT)
 * @param pattern       a regular expression each non-null value must match in full; RE2 syntax (DuckDB's
 *                      {@code regexp_full_match}), which is Java's without back-references and look-around
 */
public record ColumnRule(String name, boolean required, boolean notNull, Double min, Double max,
        List<String> allowedValues, String pattern) {

    public ColumnRule {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a column rule needs a column name");
        }
        allowedValues = allowedValues == null ? null : List.copyOf(allowedValues);
    }

    public static ColumnRule required(String name) {
        return new ColumnRule(name, true, false, null, null, null, null);
    }
}
