package io.mlops.monitoring.reference;

import io.mlops.domain.data.ColumnSchema;
import io.mlops.domain.id.DatasetVersionRef;
import io.mlops.domain.id.ModelVersionRef;
import io.mlops.domain.model.Metrics;
import io.mlops.domain.model.Task;
import java.time.Instant;
import java.util.List;

/** A reference row as stored; {@code sampleCsv} is null until a sample is known (metrics may come first). */
record StoredReference(
        ModelVersionRef model,
        String source,
        DatasetVersionRef dataset,
        Task task,
        String labelColumn,
        List<ColumnSchema> columns,
        String sampleCsv,
        int sampleRows,
        Metrics metrics,
        Instant updatedAt) {
}
