package io.mlops.monitoring.drift;

import io.mlops.domain.monitoring.DriftMethod;

/**
 * Evidently's default test choice ({@code _get_default_stattest} in
 * {@code evidently/calculations/stattests/registry.py}). {@code distinct} counts the non-null
 * values of reference and current together; {@code referenceRows} counts non-null reference rows.
 */
final class DefaultMethodChoice {

    static final int SMALL_REFERENCE_ROWS = 1000;
    static final int FEW_DISTINCT_VALUES = 5;

    private DefaultMethodChoice() {
    }

    /** A numeric column with at most 5 distinct values is judged as categorical. */
    static DriftMethod numeric(int referenceRows, int distinct) {
        if (distinct <= FEW_DISTINCT_VALUES) {
            return categorical(referenceRows, distinct);
        }
        return referenceRows <= SMALL_REFERENCE_ROWS ? DriftMethod.KOLMOGOROV_SMIRNOV : DriftMethod.WASSERSTEIN;
    }

    /** Binary (at most 2 distinct values) gets the Z-test, more gets chi-square; JS above 1,000 rows. */
    static DriftMethod categorical(int referenceRows, int distinct) {
        if (referenceRows > SMALL_REFERENCE_ROWS) {
            return DriftMethod.JENSEN_SHANNON;
        }
        return distinct > 2 ? DriftMethod.CHI_SQUARE : DriftMethod.Z_TEST;
    }
}
