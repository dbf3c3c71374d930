package io.mlops.monitoring.drift;

import io.mlops.domain.monitoring.DriftMethod;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * Evidently's default choice (evidently/calculations/stattests/registry.py, _get_default_stattest):
 * distinct values are counted over reference and current together, nulls dropped; a numeric column
 * with at most 5 distinct values is judged as categorical.
 */
class DefaultMethodChoiceTest {

    @Test
    void smallReferenceNumericWithManyValuesGetsKs() {
        assertThat(numericMethod(cycle(1000, 6), cycle(50, 6))).isEqualTo(DriftMethod.KOLMOGOROV_SMIRNOV);
    }

    @Test
    void largeReferenceNumericWithManyValuesGetsWasserstein() {
        assertThat(numericMethod(cycle(1001, 6), cycle(50, 6))).isEqualTo(DriftMethod.WASSERSTEIN);
    }

    @Test
    void smallReferenceNumericWithThreeToFiveValuesGetsChiSquare() {
        assertThat(numericMethod(cycle(1000, 5), cycle(50, 5))).isEqualTo(DriftMethod.CHI_SQUARE);
        assertThat(numericMethod(cycle(1000, 3), cycle(50, 3))).isEqualTo(DriftMethod.CHI_SQUARE);
    }

    @Test
    void smallReferenceNumericWithOneOrTwoValuesGetsTheZTest() {
        assertThat(numericMethod(cycle(1000, 2), cycle(50, 2))).isEqualTo(DriftMethod.Z_TEST);
        assertThat(numericMethod(cycle(1000, 1), cycle(50, 1))).isEqualTo(DriftMethod.Z_TEST);
    }

    @Test
    void largeReferenceNumericWithFewValuesGetsJensenShannon() {
        assertThat(numericMethod(cycle(5000, 2), cycle(50, 2))).isEqualTo(DriftMethod.JENSEN_SHANNON);
    }

    @Test
    void distinctValuesAreCountedOverReferenceAndCurrentTogether() {
        // 2 values in the reference, 4 others in the window: 6 in all, so KS, not the Z-test.
        double[] current = {10, 11, 12, 13, 0, 1};
        assertThat(numericMethod(cycle(100, 2), current)).isEqualTo(DriftMethod.KOLMOGOROV_SMIRNOV);
    }

    @Test
    void referenceRowsAreCountedAfterDroppingNulls() {
        double[] reference = cycle(1005, 50);
        Arrays.fill(reference, 0, 10, Double.NaN);
        assertThat(numericMethod(reference, cycle(50, 50))).isEqualTo(DriftMethod.KOLMOGOROV_SMIRNOV);
    }

    @Test
    void categoricalGetsZForBinaryChiSquareForMoreAndJensenShannonAboveAThousandRows() {
        assertThat(categoricalMethod(1000, 2)).isEqualTo(DriftMethod.Z_TEST);
        assertThat(categoricalMethod(1000, 3)).isEqualTo(DriftMethod.CHI_SQUARE);
        assertThat(categoricalMethod(1001, 2)).isEqualTo(DriftMethod.JENSEN_SHANNON);
        assertThat(categoricalMethod(1001, 7)).isEqualTo(DriftMethod.JENSEN_SHANNON);
    }

    private static DriftMethod numericMethod(double[] reference, double[] current) {
        DriftReference ref = DriftReference.builder().numeric("x", reference).build();
        CurrentWindow window = CurrentWindow.builder().numeric("x", current).build();
        return new DriftDetector().detect(ref, window).columns().getFirst().method();
    }

    private static DriftMethod categoricalMethod(int referenceRows, int categories) {
        String[] reference = IntStream.range(0, referenceRows).mapToObj(i -> "c" + i % categories).toArray(String[]::new);
        DriftReference ref = DriftReference.builder().categorical("x", reference).build();
        CurrentWindow window = CurrentWindow.builder().categorical("x", new String[] {"c0", "c1"}).build();
        return new DriftDetector().detect(ref, window).columns().getFirst().method();
    }

    /** n values cycling through 0 .. distinct - 1. */
    private static double[] cycle(int n, int distinct) {
        return IntStream.range(0, n).mapToDouble(i -> i % distinct).toArray();
    }
}
