package io.mlops.monitoring.drift;

import io.mlops.domain.monitoring.DriftMethod;

/**
 * What the drift package knows about each {@link DriftMethod} of common-domain: whether its verdict
 * compares a p-value or a distance, and Evidently's default threshold. Kept here rather than on the
 * shared enum so the event contract stays a plain list of names and the statistics stay in one module.
 */
public final class MethodRules {

    private MethodRules() {
    }

    /** Whether the verdict compares a p-value (drift when below) rather than a distance (drift when at or above). */
    public static boolean pValueBased(DriftMethod method) {
        return switch (method) {
            case KOLMOGOROV_SMIRNOV, CHI_SQUARE, Z_TEST -> true;
            case WASSERSTEIN, JENSEN_SHANNON, PSI -> false;
        };
    }

    /** Evidently's thresholds: 0.05 on the p-value for tests, 0.1 on the distance otherwise. */
    public static double defaultThreshold(DriftMethod method) {
        return pValueBased(method) ? 0.05 : 0.1;
    }

    /** Whether the method applies to a column of categories (KS and Wasserstein need numbers). */
    public static boolean appliesToCategorical(DriftMethod method) {
        return method != DriftMethod.KOLMOGOROV_SMIRNOV && method != DriftMethod.WASSERSTEIN;
    }

    static boolean drifted(DriftMethod method, double statistic, Double pValue, double threshold) {
        return pValueBased(method) ? pValue < threshold : statistic >= threshold;
    }
}
