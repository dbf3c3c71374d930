package io.mlops.domain.data;

/** Moments, quantiles and histogram of a numeric column; {@code stddev} is the sample standard deviation. */
public record NumericSummary(double min, double max, double mean, double stddev, Quantiles quantiles, Histogram histogram) {
}
