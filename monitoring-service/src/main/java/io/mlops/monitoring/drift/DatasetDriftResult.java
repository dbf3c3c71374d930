package io.mlops.monitoring.drift;

import io.mlops.domain.id.ModelVersionRef;
import io.mlops.domain.monitoring.DriftResult;
import java.time.Instant;
import java.util.List;

/**
 * The dataset verdict: drifted when {@code driftShare >= driftShareThreshold}, where the share is
 * drifted columns over compared columns. With no compared column (an empty window) the share is 0
 * and the dataset is not drifted.
 */
public record DatasetDriftResult(
        double driftShare,
        double driftShareThreshold,
        boolean drifted,
        int driftedColumns,
        List<ColumnDriftResult> columns,
        List<SkippedColumn> skipped) {

    public DatasetDriftResult {
        columns = List.copyOf(columns);
        skipped = List.copyOf(skipped);
    }

    static DatasetDriftResult of(List<ColumnDriftResult> columns, List<SkippedColumn> skipped, double threshold) {
        int drifted = (int) columns.stream().filter(ColumnDriftResult::drifted).count();
        double share = columns.isEmpty() ? 0.0 : (double) drifted / columns.size();
        return new DatasetDriftResult(share, threshold, !columns.isEmpty() && share >= threshold, drifted,
                columns, skipped);
    }

    /** This verdict as the DriftDetected event carries it, for one window of a model version's traffic. */
    public DriftResult toDriftResult(ModelVersionRef model, String windowId, Instant windowStart, Instant windowEnd, long rows) {
        return new DriftResult(model, windowId, windowStart, windowEnd, rows,
                columns.stream().map(ColumnDriftResult::toColumnDrift).toList(), driftShare, drifted);
    }
}
