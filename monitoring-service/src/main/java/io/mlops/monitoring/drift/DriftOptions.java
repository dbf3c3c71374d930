package io.mlops.monitoring.drift;

import java.util.HashMap;
import java.util.Map;

/**
 * How a report is judged: the share of drifted columns at which the dataset counts as drifted
 * (0.5 by default, as in Evidently) and per-column method overrides; columns without an override
 * get Evidently's default choice.
 */
public record DriftOptions(double datasetDriftShare, Map<String, ColumnMethod> columnMethods) {

    public static final double DEFAULT_DATASET_DRIFT_SHARE = 0.5;

    public DriftOptions {
        if (!(datasetDriftShare >= 0 && datasetDriftShare <= 1)) {
            throw new IllegalArgumentException("datasetDriftShare must be in [0, 1], was " + datasetDriftShare);
        }
        columnMethods = Map.copyOf(columnMethods);
    }

    public static DriftOptions defaults() {
        return new DriftOptions(DEFAULT_DATASET_DRIFT_SHARE, Map.of());
    }

    public DriftOptions withDatasetDriftShare(double share) {
        return new DriftOptions(share, columnMethods);
    }

    public DriftOptions withColumnMethod(String column, ColumnMethod method) {
        Map<String, ColumnMethod> tests = new HashMap<>(columnMethods);
        tests.put(column, method);
        return new DriftOptions(datasetDriftShare, tests);
    }

    ColumnMethod methodFor(String column) {
        return columnMethods.get(column);
    }
}
