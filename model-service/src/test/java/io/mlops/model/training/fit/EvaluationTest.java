package io.mlops.model.training.fit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.mlops.domain.model.Task;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Metrics on tiny examples whose expected values are worked out by hand in the comments. */
class EvaluationTest {

  @Test
  void regressionErrorsAndR2() {
    // errors 0, 0, 0, 1: RMSE = sqrt(1/4), MAE = 1/4; SST around the mean 2.5 = 5, so R² = 1 - 1/5
    Matrix truth = new Matrix(new float[4], 4, 1, new float[] {1, 2, 3, 4}, null, List.of());
    var m = Evaluation.of(Task.REGRESSION, new float[] {1, 2, 3, 5}, truth).metrics();
    assertThat(m.get("rmse")).isCloseTo(0.5, within(1e-12));
    assertThat(m.get("mae")).isCloseTo(0.25, within(1e-12));
    assertThat(m.get("r2")).isCloseTo(0.8, within(1e-12));
  }

  @Test
  void binaryFromOneLogitPerRow() {
    // classes 0, 0, 1, 1 with logits -2, 1, 0.5, 3: predicted 0, 1, 1, 1 (logit > 0)
    Matrix truth = new Matrix(new float[4], 4, 1, null, new int[] {0, 0, 1, 1}, List.of("0", "1"));
    var e = Evaluation.of(Task.BINARY, new float[] {-2, 1, 0.5f, 3}, truth);
    assertThat(e.confusion()).isDeepEqualTo(new int[][] {{1, 1}, {0, 2}});
    var m = e.metrics();
    assertThat(m.get("accuracy")).isCloseTo(0.75, within(1e-12));
    // precision: class 0 1/1, class 1 2/3; recall: 1/2 and 2/2; F1: 2/3 and 0.8
    assertThat(m.get("precision_macro")).isCloseTo((1 + 2 / 3.0) / 2, within(1e-12));
    assertThat(m.get("recall_macro")).isCloseTo(0.75, within(1e-12));
    assertThat(m.get("f1_macro")).isCloseTo((2 / 3.0 + 0.8) / 2, within(1e-12));
    // positive-negative pairs: (0.5,-2) yes, (0.5,1) no, (3,-2) yes, (3,1) yes
    assertThat(m.get("roc_auc")).isCloseTo(0.75, within(1e-12));
    // -log p(true class) = log(1 + e^(-margin)) for margins 2, -1, 0.5, 3
    double expected = (Math.log1p(Math.exp(-2)) + Math.log1p(Math.exp(1)) + Math.log1p(Math.exp(-0.5))
        + Math.log1p(Math.exp(-3))) / 4;
    assertThat(m.get("log_loss")).isCloseTo(expected, within(1e-6));
  }

  @Test
  void tiedScoresCountHalfInRocAuc() {
    Matrix truth = new Matrix(new float[2], 2, 1, null, new int[] {0, 1}, List.of("a", "b"));
    assertThat(Evaluation.of(Task.BINARY, new float[] {0.3f, 0.3f}, truth).metrics().get("roc_auc"))
        .isCloseTo(0.5, within(1e-12));
  }

  @Test
  void multiclassOneVsRestAndConfusion() {
    // three rows, one per class; row 2 is predicted as class 1
    Matrix truth = new Matrix(new float[3], 3, 1, null, new int[] {0, 1, 2}, List.of("x", "y", "z"));
    float[] logits = {5, 0, 0, 0, 5, 0, 0, 4, 3};
    var e = Evaluation.of(Task.MULTICLASS, logits, truth);
    assertThat(e.confusion()).isDeepEqualTo(new int[][] {{1, 0, 0}, {0, 1, 0}, {0, 1, 0}});
    assertThat(e.metrics().get("accuracy")).isCloseTo(2 / 3.0, within(1e-12));
    // OvR: class x and y rank their own row first (AUC 1); class z: its row's p(z) is the highest of the three
    // (softmax of 3 against 0 and 4 beats rows 0 and 1), so AUC 1 as well
    assertThat(e.metrics().get("roc_auc")).isCloseTo(1.0, within(1e-12));
  }

  @Test
  void macroAveragesLeaveOutATrainingClassAbsentFromTheHoldout() {
    // training classes x, y, z; the holdout has only x and y, both predicted right (z's logit never wins).
    // scikit-learn's average='macro' takes labels in y_true ∪ y_pred = {x, y}: precision = recall = F1 = 1,
    // not (1 + 1 + 0) / 3 as an average over all three training classes would give
    Matrix truth = new Matrix(new float[2], 2, 1, null, new int[] {0, 1}, List.of("x", "y", "z"));
    float[] logits = {5, 0, 0, 0, 5, 0};
    var m = Evaluation.of(Task.MULTICLASS, logits, truth).metrics();
    assertThat(m.get("precision_macro")).isEqualTo(1.0);
    assertThat(m.get("recall_macro")).isEqualTo(1.0);
    assertThat(m.get("f1_macro")).isEqualTo(1.0);
  }
}
