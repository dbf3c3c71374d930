package io.mlops.runtime.architecture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.SequentialBlock;
import ai.djl.training.ParameterStore;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class BlocksTest {

  @Test
  void refusesAHiddenLayerOfSizeZero() {
    assertThatThrownBy(() -> new MlpSpec(List.of(8, 0), Activation.RELU, 0))
        .isInstanceOf(InvalidArchitecture.class).hasMessage("hidden layer 1 has size 0; each needs at least 1 unit");
    assertThatThrownBy(() -> new MlpSpec(List.of(), Activation.RELU, 0))
        .isInstanceOf(InvalidArchitecture.class).hasMessageContaining("at least one hidden layer");
    assertThatThrownBy(() -> new MlpSpec(List.of(4), Activation.RELU, 1.0))
        .isInstanceOf(InvalidArchitecture.class).hasMessageContaining("dropout");
    assertThatThrownBy(() -> Blocks.build(new LinearRegressionSpec(), 0))
        .isInstanceOf(InvalidArchitecture.class);
  }

  @Test
  void linearRegressionComputesXTimesWeightsPlusBias() {
    try (NDManager manager = NDManager.newBaseManager("PyTorch")) {
      Block block = Blocks.build(new LinearRegressionSpec(), 1);
      block.initialize(manager, DataType.FLOAT32, new Shape(1, 3));
      float[] x = {1f, -2f, 0.5f, 3f, 0f, -1f};

      float[] y = forward(block, manager, x, 2, 3);

      // Expected: the same affine map written out by hand from the block's own parameters.
      float[] w = parameter(block, "weight");
      float b = parameter(block, "bias")[0];
      for (int row = 0; row < 2; row++) {
        double expected = b;
        for (int j = 0; j < 3; j++) {
          expected += x[row * 3 + j] * w[j];
        }
        assertThat((double) y[row]).isCloseTo(expected, within(1e-5));
      }
    }
  }

  @ParameterizedTest
  @EnumSource(Activation.class)
  void mlpStacksLinearActivationAndDropoutPerHiddenLayer(Activation activation) {
    try (NDManager manager = NDManager.newBaseManager("PyTorch")) {
      Block block = Blocks.build(new MlpSpec(List.of(8, 4), activation, 0.5), 3);
      block.initialize(manager, DataType.FLOAT32, new Shape(1, 5));

      assertThat(((SequentialBlock) block).getChildren().size()).isEqualTo(7);
      float[] out = forward(block, manager, new float[10 * 5], 10, 5);
      assertThat(out).hasSize(10 * 3);
      // Inference mode: dropout is off, so two passes agree exactly.
      float[] x = new float[] {0.3f, -1f, 2f, 0.1f, 5f};
      assertThat(forward(block, manager, x, 1, 5)).containsExactly(forward(block, manager, x, 1, 5));
    }
  }

  @Test
  void logisticRegressionEmitsOneLogitPerOutputUnit() {
    try (NDManager manager = NDManager.newBaseManager("PyTorch")) {
      Block binary = Blocks.build(new LogisticRegressionSpec(), 1);
      binary.initialize(manager, DataType.FLOAT32, new Shape(1, 4));
      assertThat(forward(binary, manager, new float[8], 2, 4)).hasSize(2);
      assertThat(((SequentialBlock) binary).getChildren().size()).isEqualTo(1);
    }
  }

  /** Sequential blocks prefix child parameter names ("01Linear_weight"). */
  private static float[] parameter(Block block, String suffix) {
    var params = block.getParameters();
    for (int i = 0; i < params.size(); i++) {
      if (params.keyAt(i).endsWith(suffix)) {
        return params.valueAt(i).getArray().toFloatArray();
      }
    }
    throw new AssertionError("no parameter ending in " + suffix + " among " + params.keys());
  }

  private static float[] forward(Block block, NDManager manager, float[] x, int rows, int cols) {
    try (NDManager scope = manager.newSubManager()) {
      NDArray input = scope.create(x, new Shape(rows, cols));
      NDList out = block.forward(new ParameterStore(scope, false), new NDList(input), false);
      return out.singletonOrThrow().toFloatArray();
    }
  }
}
