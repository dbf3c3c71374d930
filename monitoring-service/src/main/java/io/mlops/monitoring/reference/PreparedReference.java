package io.mlops.monitoring.reference;

import io.mlops.domain.data.ColumnSchema;
import io.mlops.domain.id.ModelVersionRef;
import io.mlops.domain.model.Metrics;
import io.mlops.domain.model.Task;
import io.mlops.monitoring.drift.DriftReference;
import java.util.List;

/**
 * A reference ready to judge windows: the feature columns (every sample column but the label) prepared
 * once as a {@link DriftReference}, and the label column as a one-column reference for prediction drift.
 *
 * @param features   null when no sample is known yet (only training metrics)
 * @param prediction null when the reference names no label column
 */
public record PreparedReference(
        ModelVersionRef model,
        Task task,
        String labelColumn,
        List<ColumnSchema> featureColumns,
        DriftReference features,
        DriftReference prediction,
        Metrics metrics) {

    /** The name the prediction column has in drift reports. */
    public static final String PREDICTION_COLUMN = "prediction";

    public boolean hasSample() {
        return features != null;
    }

    /** Whether predictions are numbers (regression) rather than labels; from the task, else from the label column's type. */
    public boolean numericPrediction() {
        if (task != null) {
            return !task.isClassification();
        }
        return prediction != null && prediction.numeric(PREDICTION_COLUMN) != null;
    }
}
