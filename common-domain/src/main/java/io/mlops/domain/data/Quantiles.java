package io.mlops.domain.data;

/** The quantiles every numeric column profile carries. */
public record Quantiles(double p01, double p05, double p25, double p50, double p75, double p95, double p99) {

    public static final double[] LEVELS = {0.01, 0.05, 0.25, 0.50, 0.75, 0.95, 0.99};

    public static Quantiles of(double[] values) {
        if (values.length != LEVELS.length) {
            throw new IllegalArgumentException("expected " + LEVELS.length + " quantiles, got " + values.length);
        }
        return new Quantiles(values[0], values[1], values[2], values[3], values[4], values[5], values[6]);
    }
}
