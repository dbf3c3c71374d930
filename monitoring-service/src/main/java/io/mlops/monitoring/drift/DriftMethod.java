package io.mlops.monitoring.drift;

/**
 * The per-column drift methods. P-value methods drift when {@code p < threshold}; distance methods
 * drift when {@code statistic >= threshold} (Evidently's convention). Default thresholds are Evidently's.
 */
public enum DriftMethod {
    /** Two-sample Kolmogorov-Smirnov: statistic D = sup |F_ref - F_cur|, p-value from Commons Math. */
    KOLMOGOROV_SMIRNOV(true, 0.05),
    /** Chi-square test of independence on the 2 x k table of reference and current category counts. */
    CHI_SQUARE(true, 0.05),
    /** Two-proportion Z-test: first category (in sorted order) against the rest; statistic is z. */
    Z_TEST(true, 0.05),
    /** Wasserstein-1 distance divided by the reference population standard deviation. */
    WASSERSTEIN(false, 0.1),
    /** Jensen-Shannon distance (natural log) on the PSI bins or on the categories. */
    JENSEN_SHANNON(false, 0.1),
    /** Population stability index on the PSI bins or on the categories. */
    PSI(false, 0.1);

    private final boolean pValueBased;
    private final double defaultThreshold;

    DriftMethod(boolean pValueBased, double defaultThreshold) {
        this.pValueBased = pValueBased;
        this.defaultThreshold = defaultThreshold;
    }

    /** Whether the verdict compares a p-value (drift when below) rather than a distance (drift when at or above). */
    public boolean pValueBased() {
        return pValueBased;
    }

    public double defaultThreshold() {
        return defaultThreshold;
    }

    /** Whether the method applies to a column of categories (KS and Wasserstein need numbers). */
    public boolean appliesToCategorical() {
        return this != KOLMOGOROV_SMIRNOV && this != WASSERSTEIN;
    }

    boolean drifted(double statistic, Double pValue, double threshold) {
        return pValueBased ? pValue < threshold : statistic >= threshold;
    }
}
