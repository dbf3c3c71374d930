package io.mlops.monitoring.drift;

import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.math3.stat.inference.ChiSquareTest;

/**
 * Tests and distances on aligned counts (reference and current count per bin or category). The
 * zero replacement and the PSI/JS sums are the definitions; Commons Math has neither.
 */
final class CountDistances {

    static final double ZERO_REPLACEMENT = 0.0001;
    private static final NormalDistribution STANDARD_NORMAL = new NormalDistribution(null, 0, 1);

    private CountDistances() {
    }

    /** Proportions with empty cells set to 0.0001 (not renormalized: PSI's definition). */
    static double[] proportions(long[] counts) {
        long total = 0;
        for (long c : counts) {
            total += c;
        }
        double[] p = new double[counts.length];
        for (int i = 0; i < counts.length; i++) {
            p[i] = counts[i] == 0 ? ZERO_REPLACEMENT : (double) counts[i] / total;
        }
        return p;
    }

    /** PSI = sum (cur - ref) * ln(cur / ref). */
    static double psi(long[] ref, long[] cur) {
        double[] r = proportions(ref);
        double[] c = proportions(cur);
        double psi = 0;
        for (int i = 0; i < r.length; i++) {
            psi += (c[i] - r[i]) * Math.log(c[i] / r[i]);
        }
        return psi;
    }

    /** sqrt of the JS divergence (natural log) after zero replacement and renormalization to sum 1. */
    static double jensenShannon(long[] ref, long[] cur) {
        double[] p = renormalized(proportions(ref));
        double[] q = renormalized(proportions(cur));
        double divergence = 0;
        for (int i = 0; i < p.length; i++) {
            double mid = (p[i] + q[i]) / 2;
            divergence += 0.5 * p[i] * Math.log(p[i] / mid) + 0.5 * q[i] * Math.log(q[i] / mid);
        }
        // Rounding can leave a tiny negative divergence for identical distributions.
        return Math.sqrt(Math.max(0.0, divergence));
    }

    private static double[] renormalized(double[] p) {
        double sum = 0;
        for (double v : p) {
            sum += v;
        }
        double[] out = new double[p.length];
        for (int i = 0; i < p.length; i++) {
            out[i] = p[i] / sum;
        }
        return out;
    }

    /** {statistic, p} of the chi-square test on the 2 x k table; one category alone cannot differ: {0, 1}. */
    static double[] chiSquare(long[] ref, long[] cur) {
        if (ref.length < 2) {
            return new double[] {0.0, 1.0};
        }
        long[][] table = {ref, cur};
        ChiSquareTest test = new ChiSquareTest();
        return new double[] {test.chiSquare(table), test.chiSquareTest(table)};
    }

    /**
     * {z, p} of Evidently's two-proportion Z-test: the share of values that are not the first category
     * (sorted order) in each sample, pooled variance, two-sided p = 2 * Phi(-|z|) (equal to Evidently's
     * 2 * (1 - Phi(|z|)) without its cancellation in the far tail). Both samples the same single
     * category: {0, 1}, as Evidently.
     */
    static double[] zTest(long[] ref, long[] cur) {
        long n1 = sum(ref);
        long n2 = sum(cur);
        double p1 = (double) (n1 - ref[0]) / n1;
        double p2 = (double) (n2 - cur[0]) / n2;
        double pooled = (p1 * n1 + p2 * n2) / (n1 + n2);
        double variance = pooled * (1 - pooled) * (1.0 / n1 + 1.0 / n2);
        if (variance == 0) {
            return new double[] {0.0, 1.0};
        }
        double z = (p1 - p2) / Math.sqrt(variance);
        return new double[] {z, 2 * STANDARD_NORMAL.cumulativeProbability(-Math.abs(z))};
    }

    private static long sum(long[] counts) {
        long s = 0;
        for (long c : counts) {
            s += c;
        }
        return s;
    }
}
