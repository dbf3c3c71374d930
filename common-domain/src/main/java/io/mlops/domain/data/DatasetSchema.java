package io.mlops.domain.data;

import java.util.List;
import java.util.Optional;

/** The ordered columns of a dataset version. */
public record DatasetSchema(List<ColumnSchema> columns) {

    public DatasetSchema {
        columns = List.copyOf(columns);
    }

    public Optional<ColumnSchema> column(String name) {
        return columns.stream().filter(c -> c.name().equals(name)).findFirst();
    }

    public List<String> columnNames() {
        return columns.stream().map(ColumnSchema::name).toList();
    }
}
