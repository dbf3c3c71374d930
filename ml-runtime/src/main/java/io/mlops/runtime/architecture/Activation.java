package io.mlops.runtime.architecture;

import ai.djl.nn.Block;
import com.fasterxml.jackson.annotation.JsonProperty;

/** Activation between hidden layers of an MLP. */
public enum Activation {
  @JsonProperty("relu")
  RELU,
  @JsonProperty("tanh")
  TANH,
  @JsonProperty("sigmoid")
  SIGMOID,
  @JsonProperty("gelu")
  GELU;

  Block block() {
    return switch (this) {
      case RELU -> ai.djl.nn.Activation.reluBlock();
      case TANH -> ai.djl.nn.Activation.tanhBlock();
      case SIGMOID -> ai.djl.nn.Activation.sigmoidBlock();
      case GELU -> ai.djl.nn.Activation.geluBlock();
    };
  }
}
