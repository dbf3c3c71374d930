package io.mlops.model.training.fit;

import io.mlops.runtime.architecture.ArchitectureSpec;
import io.mlops.runtime.architecture.MlpSpec;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One complete set of hyperparameters for one fit.
 *
 * @param optimizer {@code adam} or {@code sgd}
 * @param patience early stopping: epochs without a better validation loss before stopping; 0 = off
 * @param validationFraction share of the training rows held out for early stopping; 0 = none
 */
public record HyperParams(ArchitectureSpec architecture, String optimizer, double learningRate, double weightDecay,
    int batchSize, int epochs, int patience, double validationFraction) {

  /** As the registry stores them: flat, JSON-friendly names. */
  public Map<String, Object> asMap() {
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("algorithm", switch (architecture) {
      case MlpSpec m -> "mlp";
      case io.mlops.runtime.architecture.LinearRegressionSpec l -> "linear-regression";
      case io.mlops.runtime.architecture.LogisticRegressionSpec l -> "logistic-regression";
    });
    if (architecture instanceof MlpSpec mlp) {
      map.put("hiddenSizes", mlp.hiddenSizes());
      map.put("activation", mlp.activation().name().toLowerCase());
      map.put("dropout", mlp.dropout());
    }
    map.put("optimizer", optimizer);
    map.put("learningRate", learningRate);
    map.put("weightDecay", weightDecay);
    map.put("batchSize", batchSize);
    map.put("epochs", epochs);
    map.put("earlyStoppingPatience", patience);
    map.put("validationFraction", validationFraction);
    return map;
  }

  public HyperParams withEpochs(int newEpochs) {
    return new HyperParams(architecture, optimizer, learningRate, weightDecay, batchSize, newEpochs, 0, 0.0);
  }
}
