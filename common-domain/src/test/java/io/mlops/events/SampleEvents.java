package io.mlops.events;

import io.mlops.domain.data.ColumnSchema;
import io.mlops.domain.data.ColumnType;
import io.mlops.domain.data.DataFormat;
import io.mlops.domain.data.DatasetSchema;
import io.mlops.domain.id.DatasetId;
import io.mlops.domain.id.DatasetVersionRef;
import io.mlops.domain.id.FeatureSetId;
import io.mlops.domain.id.FeatureSetVersionRef;
import io.mlops.domain.id.ModelId;
import io.mlops.domain.id.ModelVersionRef;
import io.mlops.domain.id.PredictionId;
import io.mlops.domain.id.TrainingJobId;
import io.mlops.domain.model.Lineage;
import io.mlops.domain.model.Metrics;
import io.mlops.domain.model.Task;
import io.mlops.domain.monitoring.ColumnDrift;
import io.mlops.domain.monitoring.DriftMethod;
import io.mlops.domain.monitoring.DriftResult;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** One realistic instance of every event, for contract tests. */
final class SampleEvents {

    static final ModelVersionRef IRIS_3 = new ModelVersionRef("iris", 3);

    private SampleEvents() {
    }

    static List<DomainEvent> all() {
        DatasetVersionRef iris2 = new DatasetVersionRef("iris", 2);
        DatasetSchema schema = new DatasetSchema(List.of(
                new ColumnSchema("sepal_length", ColumnType.FLOAT, false),
                new ColumnSchema("species", ColumnType.CATEGORICAL, false)));
        Lineage lineage = new Lineage(iris2, "ab".repeat(32), new FeatureSetVersionRef("iris-features", 1), TrainingJobId.random(),
                "species");
        DriftResult drift = new DriftResult(IRIS_3, "w-17", Instant.parse("2026-11-27T10:00:00Z"), Instant.parse("2026-11-27T11:00:00Z"), 1000,
                List.of(new ColumnDrift("sepal_length", DriftMethod.KOLMOGOROV_SMIRNOV, 0.31, 0.0001, 0.05, true, 0.42)), 1.0, true);
        return List.of(
                new DataIngested(DatasetId.random(), iris2, DataFormat.CSV, schema, 150, 3975, "ab".repeat(32)),
                new FeaturesCreated(FeatureSetId.random(), new FeatureSetVersionRef("iris-features", 1), iris2, List.of("sepal_length_std"), 150, true),
                new TrainingJobRequested(TrainingJobId.random(), "iris", new FeatureSetVersionRef("iris-features", 1)),
                new ModelTrained(ModelId.random(), IRIS_3, Task.MULTICLASS, new Metrics(Map.of(Metrics.ACCURACY, 0.96)), lineage, "cd".repeat(32)),
                new ModelDeployed(IRIS_3, "production", 2, "cd".repeat(32), "alice", "beats v2 on accuracy"),
                new PredictionMade(PredictionId.random(), IRIS_3, "production", Instant.parse("2026-11-27T10:15:30.123Z"),
                        Map.of("sepal_length", 5.1, "species_hint", "setosa"), null, "setosa", Map.of("setosa", 0.9, "versicolor", 0.1), 1.25, false),
                new PredictionMadeBatch(IRIS_3, "production", false, List.of("sepal_length", "species_hint"), List.of("setosa", "versicolor"),
                        List.of(new PredictionMadeBatch.Prediction(PredictionId.random(), Instant.parse("2026-11-27T10:15:30.123Z"),
                                        List.of(5.1, "setosa"), null, "setosa", List.of(0.9, 0.1), 1.25),
                                new PredictionMadeBatch.Prediction(PredictionId.random(), Instant.parse("2026-11-27T10:15:30.124Z"),
                                        java.util.Arrays.asList(6.3, null), null, "versicolor", List.of(0.2, 0.8), 0.75))),
                new DriftDetected(drift, false),
                new ModelPerformanceDegraded(IRIS_3, "w-17", Metrics.ACCURACY, 0.96, 0.81, 0.05, 500));
    }
}
