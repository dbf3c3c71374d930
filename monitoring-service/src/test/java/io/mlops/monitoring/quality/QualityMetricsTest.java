package io.mlops.monitoring.quality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.mlops.domain.model.ClassificationMetrics;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Expected numbers worked out by hand below (they match scikit-learn's accuracy_score, f1_score macro, RMSE, MAE); ROC AUC
 * also against a count of concordant pairs made here, independent of the rank formula the code uses.
 */
class QualityMetricsTest {

    @Test
    void accuracyAndMacroF1OverTheLabelsOfTruthAndPredictions() {
        Map<String, Double> m = QualityMetrics.classification(List.of("a", "a", "b", "c"), List.of("a", "b", "b", "b"));
        // correct: rows 0 and 2 -> 2/4
        assertThat(m.get("accuracy")).isEqualTo(0.5);
        // a: tp 1, fp 1, fn 0 -> 2/3; b: tp 1, fp 0, fn 2 -> 2/4; c: tp 0 -> 0; mean = (2/3 + 1/2 + 0) / 3
        assertThat(m.get("f1_macro")).isCloseTo((2.0 / 3 + 0.5) / 3, within(1e-12));
    }

    @Test
    void macroF1LeavesOutATrainingClassMissingFromTheWindowAsTrainingDoes() {
        // the model was trained on sun, rain, snow; this window has no snow at all, true or predicted.
        // sun: tp 2, fp 1, fn 0 -> 4/5; rain: tp 1, fp 0, fn 1 -> 2/3; snow absent -> left out: (4/5 + 2/3) / 2
        List<String> predicted = List.of("sun", "sun", "sun", "rain");
        List<String> actual = List.of("sun", "sun", "rain", "rain");
        assertThat(QualityMetrics.classification(predicted, actual).get("f1_macro")).isCloseTo((0.8 + 2 / 3.0) / 2, within(1e-12));
        // the same rows as training's confusion matrix over its three classes (sun, rain, snow) give the same F1
        int[][] confusion = {{2, 0, 0}, {1, 1, 0}, {0, 0, 0}};
        assertThat(ClassificationMetrics.macro(confusion).f1()).isCloseTo((0.8 + 2 / 3.0) / 2, within(1e-12));
    }

    @Test
    void rmseAndMae() {
        Map<String, Double> m = QualityMetrics.regression(new double[] {1, 2, 3}, new double[] {1, 3, 5});
        // errors 0, -1, -2: squares 0 + 1 + 4 = 5, absolutes 0 + 1 + 2 = 3
        assertThat(m.get("rmse")).isCloseTo(Math.sqrt(5.0 / 3), within(1e-12));
        assertThat(m.get("mae")).isEqualTo(1.0);
    }

    @Test
    void binaryAucIsTheShareOfConcordantPositiveNegativePairsTiesCountingHalf() {
        List<String> actual = List.of("yes", "no", "yes", "no", "yes");
        List<Map<String, Double>> p = List.of(probs(0.9), probs(0.8), probs(0.4), probs(0.4), probs(0.3));
        // positive "yes" (later in sorted order): scores 0.9, 0.4, 0.3 against negatives 0.8, 0.4:
        // 0.9 beats both (2), 0.4 ties 0.4 (0.5), 0.3 beats none -> 2.5 of 6 pairs
        assertThat(QualityMetrics.rocAuc(actual, p)).hasValueCloseTo(2.5 / 6, within(1e-12));
        assertThat(QualityMetrics.rocAuc(actual, p)).hasValueCloseTo(concordantShare(actual, p, "yes"), within(1e-12));
    }

    @Test
    void multiclassAucIsTheOneVsRestMacroMeanOverClassesWithBothSides() {
        List<String> actual = List.of("a", "b", "c", "a", "b", "c");
        List<Map<String, Double>> p = List.of(
                Map.of("a", 0.7, "b", 0.2, "c", 0.1), Map.of("a", 0.3, "b", 0.4, "c", 0.3), Map.of("a", 0.2, "b", 0.2, "c", 0.6),
                Map.of("a", 0.3, "b", 0.5, "c", 0.2), Map.of("a", 0.1, "b", 0.8, "c", 0.1), Map.of("a", 0.5, "c", 0.5));
        double expected = (concordantShare(actual, p, "a") + concordantShare(actual, p, "b") + concordantShare(actual, p, "c")) / 3;
        // by hand, class a: positives 0.7, 0.3 vs 0.3, 0.2, 0.1, 0.5 -> 4 + 2.5 = 6.5 of 8
        assertThat(concordantShare(actual, p, "a")).isEqualTo(6.5 / 8);
        assertThat(QualityMetrics.rocAuc(actual, p)).hasValueCloseTo(expected, within(1e-12));
    }

    @Test
    void aucIsUndefinedWhenEveryRowHasTheSameTrueClass() {
        assertThat(QualityMetrics.rocAuc(List.of("yes", "yes"), List.of(probs(0.9), probs(0.2)))).isEmpty();
    }

    private static Map<String, Double> probs(double yes) {
        return Map.of("yes", yes, "no", 1 - yes);
    }

    /** Independent of the ranking in the code: every (positive, negative) pair, 1 when ordered, 0.5 when tied. */
    private static double concordantShare(List<String> actual, List<Map<String, Double>> p, String positive) {
        double concordant = 0;
        int pairs = 0;
        for (int i = 0; i < actual.size(); i++) {
            for (int j = 0; j < actual.size(); j++) {
                if (actual.get(i).equals(positive) && !actual.get(j).equals(positive)) {
                    double si = p.get(i).getOrDefault(positive, 0.0);
                    double sj = p.get(j).getOrDefault(positive, 0.0);
                    concordant += si > sj ? 1 : si == sj ? 0.5 : 0;
                    pairs++;
                }
            }
        }
        return concordant / pairs;
    }
}
