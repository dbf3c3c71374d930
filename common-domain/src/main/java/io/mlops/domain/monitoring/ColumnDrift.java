package io.mlops.domain.monitoring;

/**
 * The drift verdict for one column: the method that decided, its statistic (or p-value, for tests),
 * the threshold it was compared with, and the PSI that is always reported beside it.
 */
public record ColumnDrift(String column, DriftMethod method, double statistic, Double pValue, double threshold, boolean drifted, double psi) {
}
