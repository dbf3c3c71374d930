package io.mlops.monitoring.drift;

import java.util.Arrays;

/** Helpers on primitive samples kept sorted, so every statistic below is a merge or a binary search. */
final class SortedSamples {

    static final int PSI_BINS = 10;

    private SortedSamples() {
    }

    /** Number of values {@code <= x} in a sorted array. */
    static int countAtMost(double[] sorted, double x) {
        int lo = 0;
        int hi = sorted.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sorted[mid] <= x) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /**
     * Inner PSI edges: the reference quantiles 0.1 ... 0.9 with linear interpolation between order
     * statistics (numpy's default, type 7), equal edges merged. Integer arithmetic for the position
     * keeps h = (n - 1) * k / 10 exact.
     */
    static double[] quantileEdges(double[] sorted) {
        int n = sorted.length;
        double[] edges = new double[PSI_BINS - 1];
        int distinct = 0;
        for (int k = 1; k < PSI_BINS; k++) {
            long scaled = (long) (n - 1) * k;
            int lo = (int) (scaled / PSI_BINS);
            double frac = (scaled % PSI_BINS) / (double) PSI_BINS;
            double q = frac == 0 ? sorted[lo] : sorted[lo] + frac * (sorted[lo + 1] - sorted[lo]);
            if (distinct == 0 || q != edges[distinct - 1]) {
                edges[distinct++] = q;
            }
        }
        return Arrays.copyOf(edges, distinct);
    }

    /**
     * Counts per bin for right-closed bins (-inf, e1], (e1, e2], ..., (ek, +inf), the pandas qcut
     * convention: a mass at the lowest values (zero precipitation, say) stays in the first bin.
     */
    static long[] binCounts(double[] sorted, double[] edges) {
        long[] counts = new long[edges.length + 1];
        int previous = 0;
        for (int i = 0; i < edges.length; i++) {
            int upTo = countAtMost(sorted, edges[i]);
            counts[i] = upTo - previous;
            previous = upTo;
        }
        counts[edges.length] = sorted.length - previous;
        return counts;
    }

    /** Distinct values of a sorted array. */
    static double[] distinct(double[] sorted) {
        double[] out = new double[sorted.length];
        int n = 0;
        for (double v : sorted) {
            if (n == 0 || v != out[n - 1]) {
                out[n++] = v;
            }
        }
        return Arrays.copyOf(out, n);
    }

    /**
     * Number of distinct values in the union of two sorted arrays, counting no further than
     * {@code limit} (callers only need to know whether it exceeds 5).
     */
    static int unionDistinctCapped(double[] a, double[] b, int limit) {
        int i = 0;
        int j = 0;
        int count = 0;
        while ((i < a.length || j < b.length) && count < limit) {
            double next = j >= b.length || (i < a.length && a[i] <= b[j]) ? a[i] : b[j];
            while (i < a.length && a[i] == next) {
                i++;
            }
            while (j < b.length && b[j] == next) {
                j++;
            }
            count++;
        }
        return count;
    }
}
