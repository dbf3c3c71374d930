package io.mlops.monitoring.reference;

import io.mlops.domain.data.ColumnSchema;
import io.mlops.domain.model.Task;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** What the API shows of a reference (not the sample itself). */
public record ReferenceSummary(String model, int version, String source, String dataset, Task task, String labelColumn,
                               List<ColumnSchema> columns, int sampleRows, Map<String, Double> trainingMetrics, Instant updatedAt) {
}
