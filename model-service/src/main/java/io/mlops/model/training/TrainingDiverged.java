package io.mlops.model.training;

import java.util.Map;

/**
 * The final model's holdout metrics are not all finite: its weights diverged (typically a learning
 * rate too high for the data). The job fails rather than register a model that predicts NaN.
 */
class TrainingDiverged extends RuntimeException {

  TrainingDiverged(int trial, Map<String, Double> metrics) {
    super("training diverged: the final model (hyperparameters of trial " + trial + ") has non-finite holdout "
        + "metrics " + metrics + "; nothing was registered (try a lower learning rate)");
  }
}
