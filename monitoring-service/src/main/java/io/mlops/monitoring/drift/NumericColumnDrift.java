package io.mlops.monitoring.drift;

import java.util.Arrays;

/** Judges one numeric column: sort the current values once, then every statistic is a merge. */
final class NumericColumnDrift {

    /**
     * Evidently divides by max(std, 0.001), so a constant reference column gives a finite
     * (large when the window moved, zero when it did not) distance instead of a division by zero.
     */
    static final double MIN_STANDARD_DEVIATION = 0.001;

    private NumericColumnDrift() {
    }

    /** The verdict, or null when the window has no non-null value in this column. */
    static ColumnDriftResult evaluate(String column, NumericReference reference, double[] raw, ColumnMethod chosen) {
        double[] cur = PrimitiveSort.finiteSorted(raw);
        if (cur.length == 0) {
            return null;
        }
        double[] ref = reference.sortedValues();
        int distinct = SortedSamples.unionDistinctCapped(ref, cur, DefaultMethodChoice.FEW_DISTINCT_VALUES + 1);
        boolean fewValues = distinct <= DefaultMethodChoice.FEW_DISTINCT_VALUES;
        ColumnMethod test = chosen != null ? chosen : ColumnMethod.of(DefaultMethodChoice.numeric(ref.length, distinct));
        long[] curBins = SortedSamples.binCounts(cur, reference.edges());
        double psi = CountDistances.psi(reference.counts(), curBins);
        double statistic;
        Double p = null;
        switch (test.method()) {
            case KOLMOGOROV_SMIRNOV -> {
                statistic = SampleDistances.ksStatistic(ref, cur);
                p = SampleDistances.ksPValue(ref, cur, statistic);
            }
            case WASSERSTEIN -> statistic = SampleDistances.wasserstein(ref, cur)
                    / Math.max(reference.standardDeviation(), MIN_STANDARD_DEVIATION);
            case CHI_SQUARE -> {
                double[] r = CountDistances.chiSquare(valueCounts(ref, cur, true), valueCounts(ref, cur, false));
                statistic = r[0];
                p = r[1];
            }
            case Z_TEST -> {
                double[] r = CountDistances.zTest(valueCounts(ref, cur, true), valueCounts(ref, cur, false));
                statistic = r[0];
                p = r[1];
            }
            // A column of few values is judged as categories (Evidently's rule), otherwise on the PSI bins.
            case JENSEN_SHANNON -> statistic = fewValues
                    ? CountDistances.jensenShannon(valueCounts(ref, cur, true), valueCounts(ref, cur, false))
                    : CountDistances.jensenShannon(reference.counts(), curBins);
            case PSI -> statistic = psi;
            default -> throw new IllegalStateException("unhandled method " + test.method());
        }
        return ColumnDriftResult.of(column, test, statistic, p, psi, ref.length, cur.length);
    }

    /** Counts of {@code reference ? a : b} per distinct value of the union of two sorted arrays, ascending. */
    static long[] valueCounts(double[] a, double[] b, boolean reference) {
        long[] counts = new long[a.length + b.length];
        int i = 0;
        int j = 0;
        int k = 0;
        while (i < a.length || j < b.length) {
            double v = j >= b.length || (i < a.length && a[i] <= b[j]) ? a[i] : b[j];
            int startI = i;
            int startJ = j;
            while (i < a.length && a[i] == v) {
                i++;
            }
            while (j < b.length && b[j] == v) {
                j++;
            }
            counts[k++] = reference ? i - startI : j - startJ;
        }
        return Arrays.copyOf(counts, k);
    }
}
