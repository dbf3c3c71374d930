package io.mlops.monitoring.drift;

import io.mlops.domain.monitoring.DriftMethod;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Issue 7's bad input: empty windows, all-null columns, constant reference columns, unseen categories. */
class DriftEdgeCasesTest {

    private static final DriftReference REFERENCE = DriftReference.builder()
            .numeric("x", IntStream.range(0, 200).mapToDouble(i -> i).toArray())
            .categorical("colour", repeat(new String[] {"red", "blue"}, 100))
            .build();

    @Test
    void aWindowWithNoRowsJudgesNoColumnAndIsNotDrifted() {
        CurrentWindow empty = CurrentWindow.builder().numeric("x", new double[0]).categorical("colour", new String[0]).build();

        DatasetDriftResult report = new DriftDetector().detect(REFERENCE, empty);

        assertThat(report.columns()).isEmpty();
        assertThat(report.skipped()).containsExactly(
                new SkippedColumn("x", SkippedColumn.Reason.NO_CURRENT_VALUES),
                new SkippedColumn("colour", SkippedColumn.Reason.NO_CURRENT_VALUES));
        assertThat(report.driftShare()).isZero();
        assertThat(report.drifted()).isFalse();
    }

    @Test
    void anAllNullColumnIsSkippedAndLeftOutOfTheShare() {
        double[] nulls = new double[50];
        Arrays.fill(nulls, Double.NaN);
        CurrentWindow window = CurrentWindow.builder().numeric("x", nulls)
                .categorical("colour", repeat(new String[] {"green"}, 50)).build();

        DatasetDriftResult report = new DriftDetector().detect(REFERENCE, window);

        assertThat(report.skipped()).containsExactly(new SkippedColumn("x", SkippedColumn.Reason.NO_CURRENT_VALUES));
        assertThat(report.columns()).singleElement().satisfies(c -> assertThat(c.drifted()).isTrue());
        assertThat(report.driftShare()).isEqualTo(1.0);
        assertThat(report.drifted()).isTrue();
    }

    @Test
    void nullsAreDroppedBeforeTesting() {
        Double[] boxed = IntStream.range(0, 200).mapToObj(i -> i % 2 == 0 ? null : (double) i).toArray(Double[]::new);
        String[] colours = repeat(new String[] {"red", null, "blue"}, 30);
        CurrentWindow window = CurrentWindow.builder().numeric("x", boxed).categorical("colour", colours).build();

        DatasetDriftResult report = new DriftDetector().detect(REFERENCE, window);

        assertThat(report.columns()).extracting(ColumnDriftResult::currentCount).containsExactly(100, 20);
    }

    @Test
    void anAllNullReferenceColumnIsSkipped() {
        DriftReference reference = DriftReference.builder().numeric("x", new double[] {Double.NaN, Double.NaN})
                .categorical("colour", new String[] {null}).build();
        CurrentWindow window = CurrentWindow.builder().numeric("x", new double[] {1, 2})
                .categorical("colour", new String[] {"red"}).build();

        assertThat(new DriftDetector().detect(reference, window).skipped()).extracting(SkippedColumn::reason)
                .containsOnly(SkippedColumn.Reason.NO_REFERENCE_VALUES);
    }

    @Test
    void aColumnMissingFromTheWindowIsSkipped() {
        CurrentWindow window = CurrentWindow.builder().numeric("x", new double[] {1, 2, 3}).build();

        assertThat(new DriftDetector().detect(REFERENCE, window).skipped())
                .containsExactly(new SkippedColumn("colour", SkippedColumn.Reason.NOT_IN_WINDOW));
    }

    @Test
    void aConstantReferenceColumnMatchedByTheWindowShowsNoDrift() {
        DriftReference constant = DriftReference.builder().numeric("c", filled(50, 5.0)).build();
        CurrentWindow same = CurrentWindow.builder().numeric("c", filled(40, 5.0)).build();

        for (DriftMethod method : DriftMethod.values()) {
            ColumnDriftResult r = judge(constant, same, method);
            assertThat(r.drifted()).as(method.name()).isFalse();
            assertThat(r.psi()).as(method.name()).isZero();
            if (MethodRules.pValueBased(method)) {
                assertThat(r.pValue()).as(method.name()).isEqualTo(1.0);
            } else {
                assertThat(r.statistic()).as(method.name()).isZero();
            }
        }
        // One distinct value in all: Evidently's default for it is the Z-test.
        assertThat(new DriftDetector().detect(constant, same).columns().getFirst().method()).isEqualTo(DriftMethod.Z_TEST);
    }

    @Test
    void aTemporalColumnIsSkippedEvenWhenTheWindowSendsIt() {
        DriftReference reference = DriftReference.builder().temporal("date")
                .numeric("x", IntStream.range(0, 200).mapToDouble(i -> i).toArray()).build();
        CurrentWindow window = CurrentWindow.builder().categorical("date", repeat(new String[] {"2026-11-29"}, 50))
                .numeric("x", IntStream.range(0, 50).mapToDouble(i -> 4 * i).toArray()).build();

        DatasetDriftResult report = new DriftDetector().detect(reference, window);

        assertThat(report.skipped()).containsExactly(new SkippedColumn("date", SkippedColumn.Reason.TEMPORAL));
        assertThat(report.columns()).extracting(ColumnDriftResult::column).containsExactly("x");
    }

    @Test
    void aConstantReferenceColumnLeftByTheWindowGivesFiniteDrift() {
        DriftReference constant = DriftReference.builder().numeric("c", filled(50, 5.0)).build();
        CurrentWindow moved = CurrentWindow.builder().numeric("c", filled(40, 6.0)).build();

        ColumnDriftResult ks = judge(constant, moved, DriftMethod.KOLMOGOROV_SMIRNOV);
        ColumnDriftResult wasserstein = judge(constant, moved, DriftMethod.WASSERSTEIN);

        assertThat(ks.statistic()).isEqualTo(1.0);
        assertThat(ks.drifted()).isTrue();
        // PSI: one inner edge (5.0); bins (-inf, 5] and (5, inf): ref {1, 0.0001}, cur {0.0001, 1}.
        double expectedPsi = 2 * (1 - 0.0001) * Math.log(1 / 0.0001);
        assertThat(ks.psi()).isCloseTo(expectedPsi, within(1e-12));
        // W1 = 1; std 0 is floored at 0.001 as Evidently does.
        assertThat(wasserstein.statistic()).isCloseTo(1000.0, within(1e-9));
        assertThat(wasserstein.drifted()).isTrue();
    }

    @Test
    void categoriesUnseenInTheReferenceJoinWithAReferenceShareOfZero() {
        DriftReference reference = DriftReference.builder()
                .categorical("colour", concat(repeat(new String[] {"red"}, 60), repeat(new String[] {"blue"}, 40))).build();
        String[] current = concat(concat(repeat(new String[] {"red"}, 50), repeat(new String[] {"blue"}, 30)),
                repeat(new String[] {"green"}, 20));
        CurrentWindow window = CurrentWindow.builder().categorical("colour", current).build();

        ColumnDriftResult psi = judge(reference, window, DriftMethod.PSI);
        ColumnDriftResult chi = judge(reference, window, DriftMethod.CHI_SQUARE);

        // Sorted categories blue, green, red: ref {0.4, 0.0001, 0.6}, cur {0.3, 0.2, 0.5}.
        double expected = (0.3 - 0.4) * Math.log(0.3 / 0.4) + (0.2 - 0.0001) * Math.log(0.2 / 0.0001)
                + (0.5 - 0.6) * Math.log(0.5 / 0.6);
        assertThat(psi.statistic()).isCloseTo(expected, within(1e-12));
        // 2 x 3 table {40, 0, 60} / {30, 20, 50}: expected counts 35, 10, 55 per row.
        double chiExpected = 2 * (25.0 / 35 + 100.0 / 10 + 25.0 / 55);
        assertThat(chi.statistic()).isCloseTo(chiExpected, within(1e-9));
        assertThat(chi.drifted()).isTrue();
    }

    /**
     * n*m < 10,000: the exact P(D >= d) that scipy's ks_2samp returns (Evidently's KS). The expected p-values are
     * scipy 1.17.1's {@code ks_2samp(ref, cur).pvalue} for the same arrays, computed with python3.
     */
    @Test
    void smallSamplesGetScipysExactKsPValue() {
        // completely separated: D = 1, P(D >= 1) = 2 / C(6, 3) = 0.1 (the strict P(D > 1) would be 0)
        ColumnDriftResult separated = judge(DriftReference.builder().numeric("x", new double[] {1, 2, 3}).build(),
                CurrentWindow.builder().numeric("x", new double[] {4, 5, 6}).build(), DriftMethod.KOLMOGOROV_SMIRNOV);
        assertThat(separated.statistic()).isEqualTo(1.0);
        assertThat(separated.pValue()).isCloseTo(0.1, within(1e-12));
        assertThat(separated.drifted()).isFalse();

        // no ties, 40 against 30: D = 0.225
        double[] ref = IntStream.range(0, 40).mapToDouble(i -> Math.sin(i * 1.7) * 10 + i * 0.05).toArray();
        double[] cur = IntStream.range(0, 30).mapToDouble(i -> Math.cos(i * 2.3) * 10 + 3 + i * 0.07).toArray();
        ColumnDriftResult spread = judge(DriftReference.builder().numeric("x", ref).build(),
                CurrentWindow.builder().numeric("x", cur).build(), DriftMethod.KOLMOGOROV_SMIRNOV);
        assertThat(spread.statistic()).isCloseTo(0.225, within(1e-12));
        assertThat(spread.pValue()).isCloseTo(0.3104742295811527, within(1e-12));

        // ties kept, as scipy keeps them (Commons Math's kolmogorovSmirnovTest jitters them: p 0.0153, drifted)
        double[] tiedRef = IntStream.range(0, 40).mapToDouble(i -> i % 10).toArray();
        double[] tiedCur = IntStream.range(0, 30).mapToDouble(i -> 3 + i % 10).toArray();
        DriftReference tied = DriftReference.builder().numeric("x", tiedRef).build();
        ColumnDriftResult r = judge(tied, CurrentWindow.builder().numeric("x", tiedCur).build(), DriftMethod.KOLMOGOROV_SMIRNOV);
        assertThat(r.statistic()).isCloseTo(DefinitionOracle.ksStatistic(tiedRef, tiedCur), within(1e-12)).isCloseTo(0.3, within(1e-12));
        assertThat(r.pValue()).isCloseTo(0.0762046102472055, within(1e-12));
        assertThat(r.drifted()).isFalse();

        // a window of one value beyond all 40: P(D >= 1) = 2 / 41
        ColumnDriftResult single = judge(tied, CurrentWindow.builder().numeric("x", new double[] {20}).build(),
                DriftMethod.KOLMOGOROV_SMIRNOV);
        assertThat(single.statistic()).isEqualTo(1.0);
        assertThat(single.pValue()).isCloseTo(2.0 / 41, within(1e-12));
    }

    @Test
    void theDatasetDriftShareIsConfigurable() {
        CurrentWindow window = CurrentWindow.builder()
                .numeric("x", IntStream.range(0, 200).mapToDouble(i -> i).toArray())
                .categorical("colour", repeat(new String[] {"green"}, 50)).build();

        DatasetDriftResult half = new DriftDetector().detect(REFERENCE, window);
        DatasetDriftResult strict = new DriftDetector(DriftOptions.defaults().withDatasetDriftShare(0.6))
                .detect(REFERENCE, window);

        assertThat(half.driftShare()).isEqualTo(0.5);
        assertThat(half.drifted()).isTrue();
        assertThat(strict.drifted()).isFalse();
    }

    @Test
    void windowArraysAreNotChanged() {
        double[] values = {3, 1, Double.NaN, 2};
        new DriftDetector().detect(REFERENCE, CurrentWindow.builder().numeric("x", values).build());
        assertThat(values).containsExactly(3, 1, Double.NaN, 2);
    }

    @Test
    void methodsThatNeedNumbersAreRefusedOnCategories() {
        CurrentWindow window = CurrentWindow.builder().categorical("colour", new String[] {"red"}).build();
        DriftOptions ks = DriftOptions.defaults().withColumnMethod("colour", ColumnMethod.of(DriftMethod.KOLMOGOROV_SMIRNOV));

        assertThatThrownBy(() -> new DriftDetector(ks).detect(REFERENCE, window)).isInstanceOf(MethodNotApplicable.class);
    }

    @Test
    void aColumnOfAnotherKindThanItsReferenceIsRefused() {
        CurrentWindow window = CurrentWindow.builder().categorical("x", new String[] {"1"}).build();

        assertThatThrownBy(() -> new DriftDetector().detect(REFERENCE, window)).isInstanceOf(ColumnKindMismatch.class);
    }

    private static ColumnDriftResult judge(DriftReference reference, CurrentWindow window, DriftMethod method) {
        String column = reference.columnNames().iterator().next();
        DriftOptions options = DriftOptions.defaults().withColumnMethod(column, ColumnMethod.of(method));
        return new DriftDetector(options).detect(reference, window).columns().getFirst();
    }

    private static double[] filled(int n, double value) {
        double[] out = new double[n];
        Arrays.fill(out, value);
        return out;
    }

    private static String[] repeat(String[] pattern, int n) {
        return IntStream.range(0, n).mapToObj(i -> pattern[i % pattern.length]).toArray(String[]::new);
    }

    private static String[] concat(String[] a, String[] b) {
        String[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
