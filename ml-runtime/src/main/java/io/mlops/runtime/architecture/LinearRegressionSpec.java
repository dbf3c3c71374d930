package io.mlops.runtime.architecture;

/** One fully connected layer, no activation: {@code y = xW + b}. */
public record LinearRegressionSpec() implements ArchitectureSpec {

  @Override
  public boolean forRegression() {
    return true;
  }

  @Override
  public boolean forClassification() {
    return false;
  }
}
