package io.mlops.data.schema;

import java.util.List;

/**
 * A schema a dataset owner declares: rules per column and an optional unique key (one or more columns
 * whose combined values may occur only once). Plain records so it maps to and from JSON as is.
 */
public record DeclaredSchema(List<ColumnRule> columns, List<String> uniqueKey) {

    public DeclaredSchema {
        columns = columns == null ? List.of() : List.copyOf(columns);
        uniqueKey = uniqueKey == null ? List.of() : List.copyOf(uniqueKey);
    }
}
