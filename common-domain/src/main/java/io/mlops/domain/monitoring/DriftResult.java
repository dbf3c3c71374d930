package io.mlops.domain.monitoring;

import io.mlops.domain.id.ModelVersionRef;
import java.time.Instant;
import java.util.List;

/** Drift of one window of a model version's traffic against its training reference. */
public record DriftResult(
        ModelVersionRef model,
        String windowId,
        Instant windowStart,
        Instant windowEnd,
        long rows,
        List<ColumnDrift> columns,
        double driftShare,
        boolean datasetDrift) {

    public DriftResult {
        columns = List.copyOf(columns);
    }
}
