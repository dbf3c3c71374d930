package io.mlops.runtime.architecture;

import java.util.List;

/**
 * A multilayer perceptron: for each hidden size a fully connected layer, the activation and (if
 * {@code dropout > 0}) a dropout layer; then a fully connected output layer emitting raw outputs
 * (logits for classification).
 *
 * @param hiddenSizes at least one layer, each of at least one unit
 * @param activation defaults to {@code relu} when absent
 * @param dropout rate in [0, 1); dropout is active only while training
 */
public record MlpSpec(List<Integer> hiddenSizes, Activation activation, double dropout)
    implements ArchitectureSpec {

  public MlpSpec {
    if (hiddenSizes == null || hiddenSizes.isEmpty()) {
      throw new InvalidArchitecture("an MLP needs at least one hidden layer");
    }
    for (int i = 0; i < hiddenSizes.size(); i++) {
      Integer size = hiddenSizes.get(i);
      if (size == null || size < 1) {
        throw new InvalidArchitecture("hidden layer " + i + " has size " + size + "; each needs at least 1 unit");
      }
    }
    if (!(dropout >= 0.0 && dropout < 1.0)) {
      throw new InvalidArchitecture("dropout must be in [0, 1), was " + dropout);
    }
    hiddenSizes = List.copyOf(hiddenSizes);
    activation = activation == null ? Activation.RELU : activation;
  }

  @Override
  public boolean forRegression() {
    return true;
  }

  @Override
  public boolean forClassification() {
    return true;
  }
}
