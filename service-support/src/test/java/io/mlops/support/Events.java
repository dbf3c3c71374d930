package io.mlops.support;

import io.mlops.domain.data.ColumnSchema;
import io.mlops.domain.data.ColumnType;
import io.mlops.domain.data.DataFormat;
import io.mlops.domain.data.DatasetSchema;
import io.mlops.domain.id.DatasetId;
import io.mlops.domain.id.DatasetVersionRef;
import io.mlops.events.DataIngested;
import java.util.List;

/** Fixture factory for the events these tests send. */
final class Events {

    private Events() {
    }

    static DataIngested ingested(String dataset, long rows) {
        return new DataIngested(DatasetId.random(), new DatasetVersionRef(dataset, 1), DataFormat.CSV,
                new DatasetSchema(List.of(new ColumnSchema("x", ColumnType.FLOAT, false))), rows, 100, "0".repeat(64));
    }
}
