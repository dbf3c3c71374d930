package io.mlops.domain.feature;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Counts per category key. Memory grows with the number of distinct keys, not rows, and is capped
 * at {@link #MAX_DISTINCT} so an id-like column fails fast instead of exhausting the heap.
 */
final class CategoryCounts {

  static final int MAX_DISTINCT = 100_000;

  private final Map<String, long[]> counts = new HashMap<>();
  private final String feature;
  private final String column;

  CategoryCounts(String feature, String column) {
    this.feature = feature;
    this.column = column;
  }

  void accept(String key) {
    long[] count = counts.get(key);
    if (count == null) {
      if (counts.size() == MAX_DISTINCT) {
        throw new TooManyCategories(feature, column,
            "more than " + MAX_DISTINCT + " distinct values; is this an id column?");
      }
      counts.put(key, new long[] {1});
    } else {
      count[0]++;
    }
  }

  boolean isEmpty() {
    return counts.isEmpty();
  }

  /** The keys by count descending, ties by key ascending. */
  List<String> byFrequency() {
    Comparator<Map.Entry<String, long[]>> order = Comparator.comparingLong(e -> -e.getValue()[0]);
    return counts.entrySet().stream()
        .sorted(order.thenComparing(Map.Entry::getKey))
        .map(Map.Entry::getKey)
        .toList();
  }
}
