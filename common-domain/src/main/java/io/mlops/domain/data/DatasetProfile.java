package io.mlops.domain.data;

import java.util.List;
import java.util.Optional;

/** Profiles of all columns of a version, and the size of the reservoir sample kept with it. */
public record DatasetProfile(long rowCount, List<ColumnProfile> columns, int sampleRows) {

    public DatasetProfile {
        columns = List.copyOf(columns);
    }

    public Optional<ColumnProfile> column(String name) {
        return columns.stream().filter(c -> c.name().equals(name)).findFirst();
    }
}
