package io.mlops.monitoring.drift;

import java.util.Map;
import java.util.TreeSet;

/** Judges one categorical column on reference and current counts aligned over the union of categories. */
final class CategoricalColumnDrift {

    private CategoricalColumnDrift() {
    }

    /** The verdict, or null when the window has no non-null value in this column. */
    static ColumnDriftResult evaluate(String column, CategoricalReference reference, String[] raw, ColumnMethod chosen) {
        Map<String, Long> current = CategoricalReference.countCategories(raw);
        if (current.isEmpty()) {
            return null;
        }
        // Categories never seen in the reference join the union with a reference count of 0.
        TreeSet<String> union = new TreeSet<>();
        reference.counts().forEach((k, n) -> {
            if (n > 0) {
                union.add(k);
            }
        });
        union.addAll(current.keySet());
        long[] ref = new long[union.size()];
        long[] cur = new long[union.size()];
        int i = 0;
        for (String category : union) {
            ref[i] = reference.counts().getOrDefault(category, 0L);
            cur[i] = current.getOrDefault(category, 0L);
            i++;
        }
        ColumnMethod test = chosen != null
                ? chosen
                : ColumnMethod.of(DefaultMethodChoice.categorical(reference.count(), union.size()));
        if (!MethodRules.appliesToCategorical(test.method())) {
            throw new MethodNotApplicable(column, test.method());
        }
        double psi = CountDistances.psi(ref, cur);
        double statistic;
        Double p = null;
        switch (test.method()) {
            case CHI_SQUARE -> {
                double[] r = CountDistances.chiSquare(ref, cur);
                statistic = r[0];
                p = r[1];
            }
            case Z_TEST -> {
                double[] r = CountDistances.zTest(ref, cur);
                statistic = r[0];
                p = r[1];
            }
            case JENSEN_SHANNON -> statistic = CountDistances.jensenShannon(ref, cur);
            case PSI -> statistic = psi;
            default -> throw new MethodNotApplicable(column, test.method());
        }
        int currentCount = (int) current.values().stream().mapToLong(Long::longValue).sum();
        return ColumnDriftResult.of(column, test, statistic, p, psi, reference.count(), currentCount);
    }
}
