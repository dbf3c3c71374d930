package io.mlops.monitoring.drift;

import io.mlops.domain.monitoring.DriftMethod;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * Above 1,000 reference rows the defaults are distances; their values are checked against
 * {@link DefinitionOracle} on seeded synthetic data (a shifted normal, a 3-valued integer column,
 * categories with one unseen in the reference).
 */
class LargeReferenceDriftTest {

    private static final SplittableRandom RANDOM = new SplittableRandom(42);
    private static final double[] REF_NUMBER = gaussian(2000, 0);
    private static final double[] CUR_NUMBER = gaussian(1500, 0.3);
    private static final double[] REF_LEVEL = levels(2000, 0.2);
    private static final double[] CUR_LEVEL = levels(1500, 0.4);
    private static final String[] REF_COLOUR = colours(2000, "red", "green");
    private static final String[] CUR_COLOUR = colours(1500, "red", "blue");

    private final DatasetDriftResult report = new DriftDetector().detect(
            DriftReference.builder().numeric("number", REF_NUMBER).numeric("level", REF_LEVEL)
                    .categorical("colour", REF_COLOUR).build(),
            CurrentWindow.builder().numeric("number", CUR_NUMBER).numeric("level", CUR_LEVEL)
                    .categorical("colour", CUR_COLOUR).build());

    @Test
    void numericWithManyValuesGetsNormalizedWasserstein() {
        ColumnDriftResult r = column("number");
        assertThat(r.method()).isEqualTo(DriftMethod.WASSERSTEIN);
        assertThat(r.statistic()).isCloseTo(DefinitionOracle.wassersteinNormalized(REF_NUMBER, CUR_NUMBER), within(1e-9));
        assertThat(r.drifted()).isTrue();
    }

    @Test
    void numericWithFewValuesGetsJensenShannonOnTheValuesAsCategories() {
        ColumnDriftResult r = column("level");
        double[][] shares = DefinitionOracle.categoryShares(DefinitionOracle.boxed(REF_LEVEL), DefinitionOracle.boxed(CUR_LEVEL));
        assertThat(r.method()).isEqualTo(DriftMethod.JENSEN_SHANNON);
        assertThat(r.statistic()).isCloseTo(DefinitionOracle.jensenShannon(shares[0], shares[1]), within(1e-9));
    }

    @Test
    void categoricalGetsJensenShannonWithUnseenCategories() {
        ColumnDriftResult r = column("colour");
        double[][] shares = DefinitionOracle.categoryShares(REF_COLOUR, CUR_COLOUR);
        assertThat(r.method()).isEqualTo(DriftMethod.JENSEN_SHANNON);
        assertThat(r.statistic()).isCloseTo(DefinitionOracle.jensenShannon(shares[0], shares[1]), within(1e-9));
        assertThat(r.psi()).isCloseTo(DefinitionOracle.psi(shares[0], shares[1]), within(1e-9));
        assertThat(r.drifted()).isTrue();
    }

    private ColumnDriftResult column(String name) {
        return report.columns().stream().filter(c -> c.column().equals(name)).findFirst().orElseThrow();
    }

    private static double[] gaussian(int n, double mean) {
        return IntStream.range(0, n).mapToDouble(i -> mean + RANDOM.nextGaussian()).toArray();
    }

    /** Values 0, 1, 2 with probability of 2 = p2, the rest split evenly. */
    private static double[] levels(int n, double p2) {
        return IntStream.range(0, n).mapToDouble(i -> {
            double u = RANDOM.nextDouble();
            return u < p2 ? 2 : u < p2 + (1 - p2) / 2 ? 1 : 0;
        }).toArray();
    }

    private static String[] colours(int n, String common, String other) {
        return IntStream.range(0, n).mapToObj(i -> RANDOM.nextDouble() < 0.7 ? common : other).toArray(String[]::new);
    }
}
