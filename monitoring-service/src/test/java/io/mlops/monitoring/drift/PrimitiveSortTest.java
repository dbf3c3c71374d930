package io.mlops.monitoring.drift;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The radix sort must give exactly Arrays.sort's order on the finite values. */
class PrimitiveSortTest {

    @Test
    void largeArraysSortLikeArraysSortWithoutNonFiniteValues() {
        SplittableRandom random = new SplittableRandom(7);
        double[] values = new double[PrimitiveSort.RADIX_THRESHOLD * 3];
        double[] specials = {0.0, -0.0, Double.MIN_VALUE, -Double.MIN_VALUE, Double.MAX_VALUE, -Double.MAX_VALUE,
            Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, 1e-310, -1e-310};
        for (int i = 0; i < values.length; i++) {
            values[i] = switch (i % 4) {
                case 0 -> specials[random.nextInt(specials.length)];
                case 1 -> random.nextInt(-20, 20); // many ties
                case 2 -> (random.nextDouble() - 0.5) * 1e6;
                default -> Math.scalb(random.nextDouble() - 0.5, random.nextInt(-1000, 1000));
            };
        }
        double[] input = values.clone();

        double[] expected = Arrays.stream(values).filter(Double::isFinite).sorted().toArray();

        assertThat(PrimitiveSort.finiteSorted(values)).isEqualTo(expected);
        assertThat(values).isEqualTo(input);
    }

    @Test
    void aLargeArrayOfOneRepeatedValueOrOnlyNaNSorts() {
        double[] same = new double[PrimitiveSort.RADIX_THRESHOLD + 1];
        Arrays.fill(same, -3.5);
        double[] nan = new double[PrimitiveSort.RADIX_THRESHOLD + 1];
        Arrays.fill(nan, Double.NaN);

        assertThat(PrimitiveSort.finiteSorted(same)).isEqualTo(same);
        assertThat(PrimitiveSort.finiteSorted(nan)).isEmpty();
    }
}
