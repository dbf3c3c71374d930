package io.mlops.model.training.fit;

import io.mlops.domain.model.ClassificationMetrics;
import io.mlops.domain.model.Metrics;
import io.mlops.domain.model.Task;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.math3.stat.StatUtils;
import org.apache.commons.math3.stat.ranking.NaNStrategy;
import org.apache.commons.math3.stat.ranking.NaturalRanking;
import org.apache.commons.math3.stat.ranking.TiesStrategy;

/**
 * Metrics of raw network outputs against the truth: RMSE, MAE, R² for regression; accuracy,
 * precision/recall/F1 (macro, as {@link ClassificationMetrics} defines it), ROC AUC (binary;
 * one-vs-rest macro for multiclass), log loss and the confusion matrix for classification.
 * Commons Math does the means, variance and tie-averaged ranks; ROC AUC is the Mann-Whitney U
 * statistic over those ranks.
 *
 * @param confusion rows = true class, columns = predicted class; null for regression
 */
public record Evaluation(Map<String, Double> metrics, int[][] confusion, List<String> classLabels) {

  private static final double EPS = 1e-15;

  public static Evaluation of(Task task, float[] outputs, Matrix truth) {
    return task == Task.REGRESSION ? regression(outputs, truth) : classification(task, outputs, truth);
  }

  /**
   * Whether every metric is a finite number. A network whose weights diverged predicts NaN or
   * infinities: its RMSE and R² are NaN, and a classifier's log loss is, even where its accuracy
   * (argmax of NaN picks class 0) still looks like a number.
   */
  public boolean finite() {
    return metrics.values().stream().allMatch(Double::isFinite);
  }

  /** The score a search maximizes: R² for regression, accuracy for classification. */
  public static String selectionMetric(Task task) {
    return task == Task.REGRESSION ? Metrics.R2 : Metrics.ACCURACY;
  }

  static Evaluation regression(float[] outputs, Matrix truth) {
    int n = truth.rows();
    double[] y = new double[n];
    double[] squared = new double[n];
    double[] absolute = new double[n];
    for (int i = 0; i < n; i++) {
      y[i] = truth.target()[i];
      double e = outputs[i] - y[i];
      squared[i] = e * e;
      absolute[i] = Math.abs(e);
    }
    double sse = StatUtils.sum(squared);
    double sst = StatUtils.populationVariance(y) * n;
    Map<String, Double> m = new LinkedHashMap<>();
    m.put(Metrics.RMSE, Math.sqrt(sse / n));
    m.put(Metrics.MAE, StatUtils.mean(absolute));
    m.put(Metrics.R2, sst == 0 ? 0.0 : 1 - sse / sst);
    return new Evaluation(m, null, List.of());
  }

  static Evaluation classification(Task task, float[] outputs, Matrix truth) {
    int n = truth.rows();
    int k = truth.classLabels().size();
    double[][] p = probabilities(task, outputs, n, k);
    int[][] confusion = new int[k][k];
    double logLoss = 0;
    for (int i = 0; i < n; i++) {
      int predicted = argmax(p[i]);
      int actual = truth.classes()[i];
      confusion[actual][predicted]++;
      logLoss -= Math.log(Math.max(p[i][actual], EPS));
    }
    int correct = 0;
    for (int c = 0; c < k; c++) {
      correct += confusion[c][c];
    }
    // the platform's one macro definition (scikit-learn's average='macro' over the classes present in the
    // holdout's truth or predictions), so monitoring compares a window's F1 with the same quantity
    ClassificationMetrics.Macro macro = ClassificationMetrics.macro(confusion);
    Map<String, Double> m = new LinkedHashMap<>();
    m.put(Metrics.ACCURACY, (double) correct / n);
    m.put(Metrics.PRECISION_MACRO, macro.precision());
    m.put(Metrics.RECALL_MACRO, macro.recall());
    m.put(Metrics.F1_MACRO, macro.f1());
    double auc = task == Task.BINARY ? auc(p, truth.classes(), 1) : ovrAuc(p, truth.classes(), k);
    if (!Double.isNaN(auc)) {
      m.put(Metrics.ROC_AUC, auc);
    }
    m.put(Metrics.LOG_LOSS, logLoss / n);
    return new Evaluation(m, confusion, truth.classLabels());
  }

  /** Binary: one logit for class 1 (sigmoid); multiclass: softmax over the logits. */
  static double[][] probabilities(Task task, float[] outputs, int n, int k) {
    double[][] p = new double[n][k];
    for (int i = 0; i < n; i++) {
      if (task == Task.BINARY) {
        double p1 = 1 / (1 + Math.exp(-outputs[i]));
        p[i][0] = 1 - p1;
        p[i][1] = p1;
      } else {
        double max = Double.NEGATIVE_INFINITY;
        for (int c = 0; c < k; c++) {
          max = Math.max(max, outputs[i * k + c]);
        }
        double sum = 0;
        for (int c = 0; c < k; c++) {
          p[i][c] = Math.exp(outputs[i * k + c] - max);
          sum += p[i][c];
        }
        for (int c = 0; c < k; c++) {
          p[i][c] /= sum;
        }
      }
    }
    return p;
  }

  /** Mean of the per-class one-vs-rest AUCs over classes present with both outcomes. */
  static double ovrAuc(double[][] p, int[] classes, int k) {
    double sum = 0;
    int counted = 0;
    for (int c = 0; c < k; c++) {
      double auc = auc(p, classes, c);
      if (!Double.isNaN(auc)) {
        sum += auc;
        counted++;
      }
    }
    return counted == 0 ? Double.NaN : sum / counted;
  }

  /** AUC of the score p[.][positive] for "class == positive": (rank sum of positives - n1(n1+1)/2) / (n1 n0). */
  static double auc(double[][] p, int[] classes, int positive) {
    int n = classes.length;
    double[] scores = new double[n];
    for (int i = 0; i < n; i++) {
      scores[i] = p[i][positive];
    }
    double[] ranks = new NaturalRanking(NaNStrategy.FIXED, TiesStrategy.AVERAGE).rank(scores);
    double rankSum = 0;
    long positives = 0;
    for (int i = 0; i < n; i++) {
      if (classes[i] == positive) {
        rankSum += ranks[i];
        positives++;
      }
    }
    long negatives = n - positives;
    if (positives == 0 || negatives == 0) {
      return Double.NaN;
    }
    return (rankSum - positives * (positives + 1) / 2.0) / ((double) positives * negatives);
  }

  private static int argmax(double[] row) {
    int best = 0;
    for (int c = 1; c < row.length; c++) {
      if (row[c] > row[best]) {
        best = c;
      }
    }
    return best;
  }
}
