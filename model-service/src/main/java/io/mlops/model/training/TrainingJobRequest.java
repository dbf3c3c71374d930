package io.mlops.model.training;

import java.util.List;
import java.util.Map;

/**
 * The body of {@code POST /api/v1/training-jobs}, as sent; {@link TrainingPlan#of} checks it and
 * fills defaults. Kept raw (strings, boxed numbers) so every mistake becomes a 422 naming its field
 * rather than a generic "unreadable JSON".
 */
public record TrainingJobRequest(
    String modelName,
    String featureSet,
    Integer featureSetVersion,
    String labelColumn,
    String task,
    Algorithm algorithm,
    OptimizerSettings optimizer,
    Long seed,
    EvaluationSplit split,
    SearchSpace search) {

  /** {@code type}: linear-regression, logistic-regression or mlp (with hiddenSizes, activation, dropout). */
  public record Algorithm(String type, List<Integer> hiddenSizes, String activation, Double dropout) {
  }

  /** {@code type}: adam (default) or sgd. */
  public record OptimizerSettings(String type, Double learningRate, Double weightDecay, Integer batchSize,
      Integer epochs, Integer earlyStoppingPatience, Double validationFraction) {
  }

  /** {@code type}: {@code every-kth} with {@code k}, or {@code random} with {@code fraction} and {@code seed}. */
  public record EvaluationSplit(String type, Integer k, Double fraction, Long seed) {
  }

  /**
   * {@code strategy}: grid (every combination) or random ({@code trials} distinct combinations drawn
   * with the job's seed); each candidate scored by {@code folds}-fold cross-validation.
   * {@code parameters}: name → candidate values, names as in {@link io.mlops.model.training.fit.HyperParams#asMap()}.
   */
  public record SearchSpace(String strategy, Integer trials, Integer folds, Map<String, List<Object>> parameters) {
  }
}
