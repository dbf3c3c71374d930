package io.mlops.monitoring.drift;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.commons.math3.distribution.ChiSquaredDistribution;
import org.apache.commons.math3.special.Erf;

/**
 * Expected values computed straight from the definitions, deliberately naive (O(n*m) loops,
 * boxed maps, other formulas than production: quantile functions for Wasserstein, the Kolmogorov
 * series for the KS p-value, erfc for the Z-test) so a shared mistake is unlikely.
 */
final class DefinitionOracle {

    private DefinitionOracle() {
    }

    /** sup over every observed point v of |#ref<=v / n - #cur<=v / m|, by brute force. */
    static double ksStatistic(double[] ref, double[] cur) {
        double sup = 0;
        for (double[] sample : List.of(ref, cur)) {
            for (double v : sample) {
                sup = Math.max(sup, Math.abs(cdf(ref, v) - cdf(cur, v)));
            }
        }
        return sup;
    }

    private static double cdf(double[] sample, double v) {
        int count = 0;
        for (double x : sample) {
            if (x <= v) {
                count++;
            }
        }
        return (double) count / sample.length;
    }

    /** Asymptotic two-sample p-value: 2 * sum_{k>=1} (-1)^(k-1) exp(-2 k^2 lambda^2), lambda = D sqrt(nm/(n+m)). */
    static double ksAsymptoticP(double d, int n, int m) {
        double lambda = d * Math.sqrt((double) n * m / (n + m));
        double sum = 0;
        for (int k = 1; k < 1000; k++) {
            sum += (k % 2 == 1 ? 1 : -1) * Math.exp(-2.0 * k * k * lambda * lambda);
        }
        return 2 * sum;
    }

    /** W1 = integral over u in (0,1) of |Q_ref(u) - Q_cur(u)|, divided by the population std of ref. */
    static double wassersteinNormalized(double[] refRaw, double[] curRaw) {
        double[] ref = sorted(refRaw);
        double[] cur = sorted(curRaw);
        int n = ref.length;
        int m = cur.length;
        // Breakpoints of both quantile functions: i/n and j/m; between two, both are constant.
        List<Double> cuts = new ArrayList<>();
        for (int i = 0; i <= n; i++) {
            cuts.add((double) i / n);
        }
        for (int j = 0; j <= m; j++) {
            cuts.add((double) j / m);
        }
        cuts.sort(Double::compare);
        double w = 0;
        for (int k = 0; k + 1 < cuts.size(); k++) {
            double a = cuts.get(k);
            double b = cuts.get(k + 1);
            if (b > a) {
                double mid = (a + b) / 2;
                w += Math.abs(ref[(int) Math.floor(mid * n)] - cur[(int) Math.floor(mid * m)]) * (b - a);
            }
        }
        double mean = Arrays.stream(ref).sum() / n;
        double variance = Arrays.stream(ref).map(x -> (x - mean) * (x - mean)).sum() / n;
        return w / Math.sqrt(variance);
    }

    /** Reference quantiles 0.1..0.9 (type 7), equal ones merged. */
    static double[] edges(double[] refRaw) {
        double[] ref = sorted(refRaw);
        List<Double> edges = new ArrayList<>();
        for (int k = 1; k <= 9; k++) {
            double h = (ref.length - 1) * (k / 10.0);
            int lo = (int) Math.floor(h);
            double q = lo + 1 < ref.length ? ref[lo] + (h - lo) * (ref[lo + 1] - ref[lo]) : ref[lo];
            if (edges.isEmpty() || edges.get(edges.size() - 1) != q) {
                edges.add(q);
            }
        }
        return edges.stream().mapToDouble(Double::doubleValue).toArray();
    }

    /** Proportions per right-closed bin (-inf, e1], ..., (ek, inf), zeros replaced by 0.0001. */
    static double[] binShares(double[] sample, double[] edges) {
        double[] shares = new double[edges.length + 1];
        for (double v : sample) {
            int bin = 0;
            while (bin < edges.length && v > edges[bin]) {
                bin++;
            }
            shares[bin] += 1.0 / sample.length;
        }
        return replaceZeros(shares);
    }

    /** Category shares over the union of categories (sorted), zeros replaced by 0.0001. */
    static double[][] categoryShares(Object[] ref, Object[] cur) {
        TreeMap<Object, double[]> shares = new TreeMap<>();
        for (Object v : ref) {
            shares.computeIfAbsent(v, k -> new double[2])[0] += 1.0 / ref.length;
        }
        for (Object v : cur) {
            shares.computeIfAbsent(v, k -> new double[2])[1] += 1.0 / cur.length;
        }
        double[] r = shares.values().stream().mapToDouble(s -> s[0]).toArray();
        double[] c = shares.values().stream().mapToDouble(s -> s[1]).toArray();
        return new double[][] {replaceZeros(r), replaceZeros(c)};
    }

    static double psi(double[] ref, double[] cur) {
        double psi = 0;
        for (int i = 0; i < ref.length; i++) {
            psi += (cur[i] - ref[i]) * Math.log(cur[i] / ref[i]);
        }
        return psi;
    }

    static double jensenShannon(double[] refShares, double[] curShares) {
        double[] p = divide(refShares, Arrays.stream(refShares).sum());
        double[] q = divide(curShares, Arrays.stream(curShares).sum());
        double js = 0;
        for (int i = 0; i < p.length; i++) {
            double mid = (p[i] + q[i]) / 2;
            js += p[i] * Math.log(p[i] / mid) / 2 + q[i] * Math.log(q[i] / mid) / 2;
        }
        return Math.sqrt(js);
    }

    /** {statistic, p}: sum (O - E)^2 / E over the 2 x k table, p from the chi-square(k - 1) tail. */
    static double[] chiSquare(Object[] ref, Object[] cur) {
        Map<Object, long[]> table = counts(ref, cur);
        double total = ref.length + cur.length;
        double stat = 0;
        for (long[] cell : table.values()) {
            double column = cell[0] + cell[1];
            double expectedRef = column * ref.length / total;
            double expectedCur = column * cur.length / total;
            stat += Math.pow(cell[0] - expectedRef, 2) / expectedRef + Math.pow(cell[1] - expectedCur, 2) / expectedCur;
        }
        double p = 1 - new ChiSquaredDistribution(table.size() - 1).cumulativeProbability(stat);
        return new double[] {stat, p};
    }

    /** {z, p}: share of values other than the first sorted category, pooled two-proportion test. */
    static double[] zTest(Object[] ref, Object[] cur) {
        Object first = counts(ref, cur).keySet().iterator().next();
        double p1 = Arrays.stream(ref).filter(v -> !v.equals(first)).count() / (double) ref.length;
        double p2 = Arrays.stream(cur).filter(v -> !v.equals(first)).count() / (double) cur.length;
        double pooled = (p1 * ref.length + p2 * cur.length) / (ref.length + cur.length);
        double z = (p1 - p2) / Math.sqrt(pooled * (1 - pooled) * (1.0 / ref.length + 1.0 / cur.length));
        return new double[] {z, Erf.erfc(Math.abs(z) / Math.sqrt(2))};
    }

    static Object[] boxed(double[] values) {
        return Arrays.stream(values).boxed().toArray();
    }

    private static Map<Object, long[]> counts(Object[] ref, Object[] cur) {
        TreeMap<Object, long[]> table = new TreeMap<>();
        for (Object v : ref) {
            table.computeIfAbsent(v, k -> new long[2])[0]++;
        }
        for (Object v : cur) {
            table.computeIfAbsent(v, k -> new long[2])[1]++;
        }
        return table;
    }

    private static double[] replaceZeros(double[] shares) {
        return Arrays.stream(shares).map(s -> s == 0 ? 0.0001 : s).toArray();
    }

    private static double[] divide(double[] values, double by) {
        return Arrays.stream(values).map(v -> v / by).toArray();
    }

    private static double[] sorted(double[] values) {
        double[] copy = values.clone();
        Arrays.sort(copy);
        return copy;
    }
}
