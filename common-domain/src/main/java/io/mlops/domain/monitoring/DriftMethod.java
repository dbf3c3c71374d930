package io.mlops.domain.monitoring;

/** Statistical tests and distances used to decide per-column drift. */
public enum DriftMethod {
    KOLMOGOROV_SMIRNOV, CHI_SQUARE, Z_TEST, WASSERSTEIN, JENSEN_SHANNON, PSI
}
