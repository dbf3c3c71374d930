package io.mlops.domain.data;

import java.util.Objects;

/** One column of a dataset version: name, inferred (or declared) type and whether nulls occur. */
public record ColumnSchema(String name, ColumnType type, boolean nullable) {

    public ColumnSchema {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
    }
}
