package io.mlops.runtime.architecture;

import ai.djl.nn.Block;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.Dropout;

/**
 * Builds the DJL block of an architecture spec. The block is not initialized: call
 * {@code block.initialize(manager, DataType.FLOAT32, new Shape(1, inputWidth))} before training, or
 * load parameters into it. We build the sequence ourselves rather than use the model zoo's
 * {@code Mlp}, because {@code Mlp} has no dropout.
 */
public final class Blocks {

  private Blocks() {}

  /**
   * @param outputUnits width of the last layer: {@code OutputSpec.units()} of the model
   */
  public static Block build(ArchitectureSpec spec, int outputUnits) {
    if (outputUnits < 1) {
      throw new InvalidArchitecture("output layer needs at least 1 unit, was " + outputUnits);
    }
    SequentialBlock block = new SequentialBlock();
    if (spec instanceof MlpSpec mlp) {
      for (int units : mlp.hiddenSizes()) {
        block.add(Linear.builder().setUnits(units).build());
        block.add(mlp.activation().block());
        if (mlp.dropout() > 0) {
          block.add(Dropout.builder().optRate((float) mlp.dropout()).build());
        }
      }
    }
    // Linear and logistic regression are exactly this last layer; logistic emits logits.
    block.add(Linear.builder().setUnits(outputUnits).build());
    return block;
  }
}
