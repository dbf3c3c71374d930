package io.mlops.monitoring.drift;

import io.mlops.domain.monitoring.ColumnDrift;
import io.mlops.domain.monitoring.DriftMethod;

/**
 * The verdict for one column.
 *
 * @param statistic KS D, chi-square statistic, z, normalized Wasserstein, JS distance or PSI, by method
 * @param pValue the p-value for KS, chi-square and Z; null for distance methods
 * @param psi the PSI of the column, reported whatever method decided
 * @param referenceCount non-null reference values compared
 * @param currentCount non-null current values compared
 */
public record ColumnDriftResult(
        String column,
        DriftMethod method,
        double statistic,
        Double pValue,
        double threshold,
        boolean drifted,
        double psi,
        int referenceCount,
        int currentCount) {

    static ColumnDriftResult of(String column, ColumnMethod test, double statistic, Double pValue, double psi,
            int referenceCount, int currentCount) {
        DriftMethod method = test.method();
        return new ColumnDriftResult(column, method, statistic, pValue, test.threshold(),
                MethodRules.drifted(method, statistic, pValue, test.threshold()), psi, referenceCount, currentCount);
    }

    /** The verdict as events and reports carry it (without the row counts). */
    public ColumnDrift toColumnDrift() {
        return new ColumnDrift(column, method, statistic, pValue, threshold, drifted, psi);
    }
}
