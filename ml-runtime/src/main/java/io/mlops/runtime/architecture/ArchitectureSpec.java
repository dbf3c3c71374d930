package io.mlops.runtime.architecture;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * What network a {@code djl}-kind model is. Input and output widths are not part of the spec: they
 * follow from the model's input signature and output task, so they can never disagree with them.
 * JSON: {@code {"type": "mlp", "hiddenSizes": [64, 32], "activation": "relu", "dropout": 0.1}}.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
  @JsonSubTypes.Type(value = LinearRegressionSpec.class, name = "linear-regression"),
  @JsonSubTypes.Type(value = LogisticRegressionSpec.class, name = "logistic-regression"),
  @JsonSubTypes.Type(value = MlpSpec.class, name = "mlp")
})
public sealed interface ArchitectureSpec permits LinearRegressionSpec, LogisticRegressionSpec, MlpSpec {

  /** Whether this network suits a regression task (else it suits classification). */
  boolean forRegression();

  /** Whether this network suits classification tasks. */
  boolean forClassification();
}
