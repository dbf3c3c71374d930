package io.mlops.domain.feature;

import java.util.Arrays;

/**
 * A growable primitive double array: an exact median or mode needs every value, so those fits
 * keep 8 bytes per row (24 MB for 3 million rows) instead of a boxed list.
 */
final class DoubleArray {

  private double[] values = new double[1024];
  private int size;

  void add(double x) {
    if (size == values.length) {
      values = Arrays.copyOf(values, values.length * 2);
    }
    values[size++] = x;
  }

  int size() {
    return size;
  }

  /** The median, the mean of the two middle values for an even count (as numpy). Sorts in place. */
  double median() {
    Arrays.sort(values, 0, size);
    int middle = size / 2;
    return size % 2 == 1 ? values[middle] : (values[middle - 1] + values[middle]) / 2;
  }

  /** The most frequent value, the smallest on ties (as scikit-learn's SimpleImputer). Sorts in place. */
  double mode() {
    Arrays.sort(values, 0, size);
    double best = values[0];
    int bestRun = 0;
    for (int start = 0; start < size; ) {
      int end = start;
      while (end < size && values[end] == values[start]) {
        end++;
      }
      if (end - start > bestRun) {
        bestRun = end - start;
        best = values[start];
      }
      start = end;
    }
    return best;
  }
}
