package io.mlops.monitoring.window;

import io.mlops.domain.data.ColumnSchema;
import io.mlops.monitoring.MonitoringProperties;
import io.mlops.monitoring.drift.CurrentWindow;
import io.mlops.monitoring.drift.DriftDetector;
import io.mlops.monitoring.drift.DriftOptions;
import io.mlops.monitoring.reference.PreparedReference;
import io.mlops.monitoring.reference.Values;
import java.util.List;
import org.apache.commons.math3.stat.descriptive.rank.Percentile;
import org.springframework.stereotype.Component;

/** Judges a window's rows against the reference: feature drift, prediction drift and latency quantiles. */
@Component
class WindowJudge {

    private final DriftDetector features;
    private final DriftDetector prediction = new DriftDetector(DriftOptions.defaults());

    WindowJudge(MonitoringProperties props) {
        this.features = new DriftDetector(DriftOptions.defaults().withDatasetDriftShare(props.datasetDriftShare()));
    }

    /** Whether judging needs the rows' features and outputs, or only their latencies (no reference sample to compare with). */
    static boolean judgesDrift(PreparedReference reference) {
        return reference != null && reference.hasSample();
    }

    /** A window of a model version without a reference sample: latency quantiles only. */
    WindowVerdict latencyOnly(double[] latencies) {
        Percentile percentile = new Percentile();
        Double p50 = latencies.length == 0 ? null : percentile.evaluate(latencies, 50);
        Double p95 = latencies.length == 0 ? null : percentile.evaluate(latencies, 95);
        return new WindowVerdict(null, null, p50, p95);
    }

    WindowVerdict judge(PreparedReference reference, List<PredictionLog.Logged> rows) {
        WindowVerdict latency = latencyOnly(rows.stream().mapToDouble(PredictionLog.Logged::latencyMs).toArray());
        Double p50 = latency.latencyP50Ms();
        Double p95 = latency.latencyP95Ms();
        if (!judgesDrift(reference)) {
            return latency;
        }
        CurrentWindow.Builder window = CurrentWindow.builder();
        for (ColumnSchema column : reference.featureColumns()) {
            if (reference.features().temporal(column.name())) {
                continue; // never compared: reported as TEMPORAL
            }
            if (rows.stream().noneMatch(r -> r.features().containsKey(column.name()))) {
                continue; // not sent at all: reported as NOT_IN_WINDOW
            }
            if (reference.features().numeric(column.name()) != null) {
                window.numeric(column.name(), rows.stream().mapToDouble(r -> Values.toDouble(r.features().get(column.name()))).toArray());
            } else {
                window.categorical(column.name(), rows.stream().map(r -> Values.toCategory(r.features().get(column.name()))).toArray(String[]::new));
            }
        }
        var featureDrift = features.detect(reference.features(), window.build());
        var predictionDrift = reference.prediction() == null ? null : prediction.detect(reference.prediction(), predictionWindow(reference, rows));
        return new WindowVerdict(featureDrift, predictionDrift, p50, p95);
    }

    private static CurrentWindow predictionWindow(PreparedReference reference, List<PredictionLog.Logged> rows) {
        String name = PreparedReference.PREDICTION_COLUMN;
        if (reference.prediction().numeric(name) != null) {
            return CurrentWindow.builder().numeric(name, rows.stream()
                    .mapToDouble(r -> r.value() != null ? r.value() : Values.toDouble(r.label())).toArray()).build();
        }
        return CurrentWindow.builder().categorical(name, rows.stream()
                .map(r -> r.label() != null ? r.label() : Values.toCategory(r.value())).toArray(String[]::new)).build();
    }
}
