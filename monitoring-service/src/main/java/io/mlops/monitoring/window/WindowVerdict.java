package io.mlops.monitoring.window;

import io.mlops.monitoring.drift.DatasetDriftResult;

/**
 * What closing a window found.
 *
 * @param features   drift of the raw input features; null when the model version has no reference sample
 * @param prediction drift of the model's output against the reference's label column; null when not judged
 */
record WindowVerdict(DatasetDriftResult features, DatasetDriftResult prediction, Double latencyP50Ms, Double latencyP95Ms) {

    Boolean predictionDrifted() {
        return prediction == null || prediction.columns().isEmpty() ? null : prediction.drifted();
    }
}
