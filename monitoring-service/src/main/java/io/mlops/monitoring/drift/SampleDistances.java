package io.mlops.monitoring.drift;

import org.apache.commons.math3.stat.inference.KolmogorovSmirnovTest;

/**
 * KS and Wasserstein-1 on two sorted samples, each a single O(n + m) merge. Commons Math's
 * {@code kolmogorovSmirnovStatistic} sorts copies of both inputs on every call and offers no
 * Wasserstein distance, so the merges are written here; the p-value still comes from Commons Math.
 */
final class SampleDistances {

    /** Below this n*m the exact distribution is used (Commons Math's LARGE_SAMPLE_PRODUCT for the same choice). */
    private static final long LARGE_SAMPLE_PRODUCT = 10_000;

    private SampleDistances() {
    }

    /** D = sup |F_ref - F_cur| over all points, in exact integer arithmetic: sup |i*m - j*n| / (n*m). */
    static double ksStatistic(double[] ref, double[] cur) {
        int n = ref.length;
        int m = cur.length;
        int i = 0;
        int j = 0;
        long sup = 0;
        while (i < n && j < m) {
            double z = Math.min(ref[i], cur[j]);
            while (i < n && ref[i] == z) {
                i++;
            }
            while (j < m && cur[j] == z) {
                j++;
            }
            sup = Math.max(sup, Math.abs((long) i * m - (long) j * n));
        }
        return (double) sup / ((double) n * m);
    }

    /**
     * The p-value P(D >= d) under the null, as scipy's {@code ks_2samp} (Evidently's KS) returns it. For
     * n*m >= 10,000 it is Commons Math's {@code approximateP(D, n, m)} = 1 - K(D * sqrt(nm / (n + m))), the
     * asymptotic Kolmogorov distribution with no tie correction. Below that it is the exact distribution,
     * {@code exactP(D, n, m, false)}: non-strict, since {@code kolmogorovSmirnovTest(x, y)} gives the strict
     * P(D > d), which is 0 for completely separated samples (scipy: 0.1 for 3 against 3), and with our D, since
     * that method breaks ties with jitter first, changing D (scipy keeps the ties). Clamped to [0, 1]: 1 - K loses
     * all digits below ~1e-16 and can round a hair under zero. Identical empirical distributions (D = 0) get p = 1.
     */
    static double ksPValue(double[] ref, double[] cur, double d) {
        if (d == 0) {
            return 1.0;
        }
        KolmogorovSmirnovTest ks = new KolmogorovSmirnovTest();
        long product = (long) ref.length * cur.length;
        double p = product >= LARGE_SAMPLE_PRODUCT ? ks.approximateP(d, ref.length, cur.length)
                : ks.exactP(d, ref.length, cur.length, false);
        return Math.min(1.0, Math.max(0.0, p));
    }

    /**
     * W1 = integral of |F_ref(x) - F_cur(x)| dx: between consecutive points of the merged samples
     * both CDFs are constant, so the integral is a sum of rectangles.
     */
    static double wasserstein(double[] ref, double[] cur) {
        int n = ref.length;
        int m = cur.length;
        int i = 0;
        int j = 0;
        double sum = 0;
        double x = Math.min(ref[0], cur[0]);
        while (i < n || j < m) {
            while (i < n && ref[i] == x) {
                i++;
            }
            while (j < m && cur[j] == x) {
                j++;
            }
            if (i == n && j == m) {
                break;
            }
            double next = j >= m || (i < n && ref[i] <= cur[j]) ? ref[i] : cur[j];
            sum += Math.abs((long) i * m - (long) j * n) * (next - x);
            x = next;
        }
        return sum / ((double) n * m);
    }
}
