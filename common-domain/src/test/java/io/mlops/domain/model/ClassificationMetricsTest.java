package io.mlops.domain.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Macro precision, recall and F1 on small examples worked out by hand in the comments; each is what scikit-learn's
 * {@code precision_recall_fscore_support(y_true, y_pred, average='macro', zero_division=0)} returns for the same lists.
 */
class ClassificationMetricsTest {

    @Test
    void threeLabelsWithErrorsInBothDirections() {
        // true a a b b c c, predicted a b b b a c:
        // a: tp 1, fp 1 (row 5), fn 1 (row 2)  -> P 1/2, R 1/2, F1 2/4
        // b: tp 2, fp 1 (row 2), fn 0          -> P 2/3, R 1,   F1 4/5
        // c: tp 1, fp 0,         fn 1 (row 5)  -> P 1,   R 1/2, F1 2/3
        var m = ClassificationMetrics.macro(List.of("a", "a", "b", "b", "c", "c"), List.of("a", "b", "b", "b", "a", "c"));
        assertThat(m.labels()).isEqualTo(3);
        assertThat(m.precision()).isCloseTo((0.5 + 2 / 3.0 + 1) / 3, within(1e-12));
        assertThat(m.recall()).isCloseTo((0.5 + 1 + 0.5) / 3, within(1e-12));
        assertThat(m.f1()).isCloseTo((0.5 + 0.8 + 2 / 3.0) / 3, within(1e-12));
    }

    @Test
    void aLabelAbsentFromTruthAndPredictionsIsLeftOut() {
        // candidate labels x, y, z (say, the training classes); the window holds only x and y, all right:
        // x and y each P = R = F1 = 1; z is in neither list, so the mean is over {x, y}: 1, not 2/3
        int[][] confusion = {{3, 0, 0}, {0, 2, 0}, {0, 0, 0}};
        var m = ClassificationMetrics.macro(confusion);
        assertThat(m.labels()).isEqualTo(2);
        assertThat(m.precision()).isEqualTo(1.0);
        assertThat(m.recall()).isEqualTo(1.0);
        assertThat(m.f1()).isEqualTo(1.0);
    }

    @Test
    void aLabelOnlyPredictedOrOnlyTrueCountsAsZero() {
        // true x x y, predicted x z y: z never true (P 0/1 = 0, R 0/0 -> 0, F1 0), x: tp 1, fn 1 -> P 1, R 1/2, F1 2/3;
        // y: P = R = F1 = 1. Present labels: x, y, z
        var m = ClassificationMetrics.macro(List.of("x", "x", "y"), List.of("x", "z", "y"));
        assertThat(m.labels()).isEqualTo(3);
        assertThat(m.precision()).isCloseTo((1 + 1 + 0) / 3.0, within(1e-12));
        assertThat(m.recall()).isCloseTo((0.5 + 1 + 0) / 3.0, within(1e-12));
        assertThat(m.f1()).isCloseTo((2 / 3.0 + 1 + 0) / 3.0, within(1e-12));
    }

    @Test
    void confusionAndLabelListsAgree() {
        // the confusion matrix of the first example, in label order a, b, c (rows true, columns predicted)
        int[][] confusion = {{1, 1, 0}, {0, 2, 0}, {1, 0, 1}};
        assertThat(ClassificationMetrics.macro(confusion))
                .isEqualTo(ClassificationMetrics.macro(List.of("a", "a", "b", "b", "c", "c"), List.of("a", "b", "b", "b", "a", "c")));
    }

    @Test
    void noRowsGiveZeroOverNoLabels() {
        assertThat(ClassificationMetrics.macro(List.of(), List.of())).isEqualTo(new ClassificationMetrics.Macro(0, 0, 0, 0));
    }

    @Test
    void listsOfDifferentLengthsAreRefused() {
        assertThatThrownBy(() -> ClassificationMetrics.macro(List.of("a"), List.of("a", "b")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("1 true labels but 2 predicted");
    }
}
