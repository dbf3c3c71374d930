package io.mlops.domain.feature;

/**
 * Streaming mean and population variance in O(1) memory (Welford's update, stable where the naive
 * sum of squares cancels). Hand-written rather than taken from Commons Math so common-domain, which
 * the inference path loads, depends on Jackson alone.
 */
final class Welford {

  private long count;
  private double mean;
  private double m2;

  void accept(double x) {
    count++;
    double delta = x - mean;
    mean += delta / count;
    m2 += delta * (x - mean);
  }

  long count() {
    return count;
  }

  double mean() {
    return mean;
  }

  /** Population standard deviation (divides by n, as scikit-learn's StandardScaler). */
  double populationStd() {
    return Math.sqrt(m2 / count);
  }
}
