package io.mlops.monitoring.quality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Expected numbers worked out by hand below (they match scikit-learn's accuracy_score, f1_score macro, RMSE, MAE). */
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
    void rmseAndMae() {
        Map<String, Double> m = QualityMetrics.regression(new double[] {1, 2, 3}, new double[] {1, 3, 5});
        // errors 0, -1, -2: squares 0 + 1 + 4 = 5, absolutes 0 + 1 + 2 = 3
        assertThat(m.get("rmse")).isCloseTo(Math.sqrt(5.0 / 3), within(1e-12));
        assertThat(m.get("mae")).isEqualTo(1.0);
    }
}
