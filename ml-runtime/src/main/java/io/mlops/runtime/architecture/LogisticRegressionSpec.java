package io.mlops.runtime.architecture;

/**
 * One fully connected layer emitting logits; the loss (sigmoid or softmax cross-entropy) and the
 * probabilities are applied outside the network. Binary tasks get one logit (see
 * {@code OutputSpec.units()}), multiclass tasks one per class.
 */
public record LogisticRegressionSpec() implements ArchitectureSpec {

  @Override
  public boolean forRegression() {
    return false;
  }

  @Override
  public boolean forClassification() {
    return true;
  }
}
