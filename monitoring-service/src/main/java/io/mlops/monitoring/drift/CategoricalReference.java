package io.mlops.monitoring.drift;

import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/** Category counts of a reference column (nulls dropped), computed once. Immutable. */
public final class CategoricalReference {

    private final Map<String, Long> counts;
    private final int count;

    private CategoricalReference(Map<String, Long> counts) {
        this.counts = Collections.unmodifiableMap(new TreeMap<>(counts));
        this.count = (int) counts.values().stream().mapToLong(Long::longValue).sum();
    }

    /** Builds the reference from raw values; null entries are dropped. */
    public static CategoricalReference of(String[] values) {
        return new CategoricalReference(countCategories(values));
    }

    /** Builds the reference from counts already known (a data-service profile, say). */
    public static CategoricalReference ofCounts(Map<String, Long> counts) {
        counts.forEach((category, n) -> {
            if (category == null || n == null || n < 0) {
                throw new IllegalArgumentException("category counts need a name and a count >= 0: " + category);
            }
        });
        return new CategoricalReference(counts);
    }

    /** Number of non-null values. */
    public int count() {
        return count;
    }

    /** Counts per category, in sorted category order. */
    public Map<String, Long> counts() {
        return counts;
    }

    static Map<String, Long> countCategories(String[] values) {
        // long[] holders avoid re-boxing a Long on every increment.
        Map<String, long[]> holders = new HashMap<>();
        for (String v : values) {
            if (v != null) {
                holders.computeIfAbsent(v, k -> new long[1])[0]++;
            }
        }
        Map<String, Long> out = new HashMap<>(holders.size() * 2);
        holders.forEach((k, n) -> out.put(k, n[0]));
        return out;
    }

    @Override
    public String toString() {
        return "CategoricalReference" + counts;
    }
}
