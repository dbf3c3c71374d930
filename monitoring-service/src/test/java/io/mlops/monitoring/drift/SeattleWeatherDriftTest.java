package io.mlops.monitoring.drift;

import io.mlops.domain.monitoring.DriftMethod;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.api.Assertions.withinPercentage;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.commons.math3.stat.inference.KolmogorovSmirnovTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Issue 7's acceptance: seattle-weather.csv, reference = 2012 and 2013 (731 rows), current = 2015
 * (365 rows); every method on temp_max, precipitation, wind and weather against {@link DefinitionOracle},
 * which recomputes each value from the definitions. Statistics within 1e-9, p-values within 1%.
 */
class SeattleWeatherDriftTest {

    private static final SeattleWeather REFERENCE = SeattleWeather.reference();
    private static final SeattleWeather CURRENT = SeattleWeather.current();
    private static final DriftReference PREPARED = REFERENCE.asReference();

    static Stream<Arguments> numericCases() {
        List<Arguments> cases = new ArrayList<>();
        for (String column : SeattleWeather.NUMERIC) {
            for (DriftMethod method : DriftMethod.values()) {
                cases.add(Arguments.of(column, method));
            }
        }
        return cases.stream();
    }

    static Stream<DriftMethod> categoricalMethods() {
        return Stream.of(DriftMethod.values()).filter(MethodRules::appliesToCategorical);
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("numericCases")
    void numericColumnMatchesTheDefinition(String column, DriftMethod method) {
        double[] ref = REFERENCE.numeric(column);
        double[] cur = CURRENT.numeric(column);
        ColumnDriftResult result = judge(column, method);

        double[] edges = DefinitionOracle.edges(ref);
        double[] refBins = DefinitionOracle.binShares(ref, edges);
        double[] curBins = DefinitionOracle.binShares(cur, edges);
        Double expectedP = null;
        double expected = switch (method) {
            case KOLMOGOROV_SMIRNOV -> {
                double d = DefinitionOracle.ksStatistic(ref, cur);
                expectedP = DefinitionOracle.ksAsymptoticP(d, ref.length, cur.length);
                yield d;
            }
            case WASSERSTEIN -> DefinitionOracle.wassersteinNormalized(ref, cur);
            case PSI -> DefinitionOracle.psi(refBins, curBins);
            case JENSEN_SHANNON -> DefinitionOracle.jensenShannon(refBins, curBins);
            case CHI_SQUARE -> {
                double[] r = DefinitionOracle.chiSquare(DefinitionOracle.boxed(ref), DefinitionOracle.boxed(cur));
                expectedP = r[1];
                yield r[0];
            }
            case Z_TEST -> {
                double[] r = DefinitionOracle.zTest(DefinitionOracle.boxed(ref), DefinitionOracle.boxed(cur));
                expectedP = r[1];
                yield r[0];
            }
        };
        assertMatches(result, method, expected, expectedP, DefinitionOracle.psi(refBins, curBins));
    }

    @ParameterizedTest(name = "weather {0}")
    @MethodSource("categoricalMethods")
    void categoricalColumnMatchesTheDefinition(DriftMethod method) {
        Object[] ref = REFERENCE.categorical(SeattleWeather.CATEGORICAL);
        Object[] cur = CURRENT.categorical(SeattleWeather.CATEGORICAL);
        ColumnDriftResult result = judge(SeattleWeather.CATEGORICAL, method);

        double[][] shares = DefinitionOracle.categoryShares(ref, cur);
        Double expectedP = null;
        double expected = switch (method) {
            case PSI -> DefinitionOracle.psi(shares[0], shares[1]);
            case JENSEN_SHANNON -> DefinitionOracle.jensenShannon(shares[0], shares[1]);
            case CHI_SQUARE -> {
                double[] r = DefinitionOracle.chiSquare(ref, cur);
                expectedP = r[1];
                yield r[0];
            }
            case Z_TEST -> {
                double[] r = DefinitionOracle.zTest(ref, cur);
                expectedP = r[1];
                yield r[0];
            }
            default -> throw new IllegalArgumentException(method.toString());
        };
        assertMatches(result, method, expected, expectedP, DefinitionOracle.psi(shares[0], shares[1]));
    }

    @Test
    void defaultChoiceIsKsForTheNumericColumnsAndChiSquareForWeather() {
        // 731 reference rows (<= 1000): KS for numeric with > 5 distinct values, chi-square for 5 categories.
        DatasetDriftResult report = new DriftDetector().detect(PREPARED, CURRENT.asWindow());

        assertThat(report.columns()).extracting(ColumnDriftResult::column, ColumnDriftResult::method)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("temp_max", DriftMethod.KOLMOGOROV_SMIRNOV),
                        org.assertj.core.groups.Tuple.tuple("precipitation", DriftMethod.KOLMOGOROV_SMIRNOV),
                        org.assertj.core.groups.Tuple.tuple("wind", DriftMethod.KOLMOGOROV_SMIRNOV),
                        org.assertj.core.groups.Tuple.tuple("weather", DriftMethod.CHI_SQUARE));
        for (ColumnDriftResult column : report.columns()) {
            assertThat(column.drifted()).as(column.column()).isEqualTo(column.pValue() < 0.05);
            assertThat(column.referenceCount()).isEqualTo(731);
            assertThat(column.currentCount()).isEqualTo(365);
        }
        long drifted = report.columns().stream().filter(ColumnDriftResult::drifted).count();
        assertThat(report.driftShare()).isEqualTo(drifted / 4.0);
        assertThat(report.drifted()).isEqualTo(drifted >= 2);
    }

    @Test
    void ksAgreesWithCommonsMathOnTheRawArrays() {
        KolmogorovSmirnovTest library = new KolmogorovSmirnovTest();
        for (String column : SeattleWeather.NUMERIC) {
            double[] ref = REFERENCE.numeric(column);
            double[] cur = CURRENT.numeric(column);
            ColumnDriftResult result = judge(column, DriftMethod.KOLMOGOROV_SMIRNOV);

            assertThat(result.statistic()).as(column).isEqualTo(library.kolmogorovSmirnovStatistic(ref, cur));
            assertThat(result.pValue()).as(column).isEqualTo(library.kolmogorovSmirnovTest(ref, cur));
        }
    }

    private static ColumnDriftResult judge(String column, DriftMethod method) {
        DriftOptions options = DriftOptions.defaults().withColumnMethod(column, ColumnMethod.of(method));
        return new DriftDetector(options).detect(PREPARED, CURRENT.asWindow()).columns().stream()
                .filter(c -> c.column().equals(column))
                .findFirst()
                .orElseThrow();
    }

    private static void assertMatches(ColumnDriftResult result, DriftMethod method, double expected,
            Double expectedP, double expectedPsi) {
        assertThat(result.method()).isEqualTo(method);
        assertThat(result.statistic()).isCloseTo(expected, within(1e-9));
        assertThat(result.psi()).isCloseTo(expectedPsi, within(1e-9));
        assertThat(result.threshold()).isEqualTo(MethodRules.defaultThreshold(method));
        if (expectedP == null) {
            assertThat(result.pValue()).isNull();
            assertThat(result.drifted()).isEqualTo(result.statistic() >= MethodRules.defaultThreshold(method));
        } else {
            assertThat(result.pValue()).isCloseTo(expectedP, withinPercentage(1));
            assertThat(result.drifted()).isEqualTo(result.pValue() < MethodRules.defaultThreshold(method));
        }
        System.out.printf("%-14s %-18s stat=%.12g p=%s psi=%.6g drifted=%s%n", result.column(), method,
                result.statistic(), result.pValue(), result.psi(), result.drifted());
    }
}
