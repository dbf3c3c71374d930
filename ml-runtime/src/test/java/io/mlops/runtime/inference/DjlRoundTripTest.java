package io.mlops.runtime.inference;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.Model;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.translate.NoopTranslator;
import io.mlops.domain.model.Task;
import io.mlops.runtime.architecture.Activation;
import io.mlops.runtime.architecture.Blocks;
import io.mlops.runtime.architecture.LinearRegressionSpec;
import io.mlops.runtime.architecture.MlpSpec;
import io.mlops.runtime.artifact.InputSignature;
import io.mlops.runtime.artifact.ModelArchive;
import io.mlops.runtime.artifact.ModelManifest;
import io.mlops.runtime.artifact.OutputSpec;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A DJL model built from a spec, saved into an artifact and loaded back computes the same outputs. */
class DjlRoundTripTest {

  @TempDir
  Path tmp;

  @Test
  void mlpClassifierSurvivesTheArchive() throws Exception {
    var spec = new MlpSpec(List.of(16, 8), Activation.GELU, 0.2);
    var output = new OutputSpec(Task.MULTICLASS, List.of("a", "b", "c"), "logits");
    roundTrip(ModelManifest.djl(spec, InputSignature.ofNumbers(List.of("x0", "x1", "x2", "x3", "x4")), output,
        Map.of("accuracy", 0.5), null));
  }

  @Test
  void linearRegressionSurvivesTheArchive() throws Exception {
    var output = new OutputSpec(Task.REGRESSION, null, "y");
    roundTrip(ModelManifest.djl(new LinearRegressionSpec(), InputSignature.ofNumbers(List.of("a", "b")), output,
        Map.of(), null));
  }

  private void roundTrip(ModelManifest manifest) throws Exception {
    int width = manifest.input().width();
    int rows = 32;
    float[] x = new float[rows * width];
    Random random = new Random(11);
    for (int i = 0; i < x.length; i++) {
      x[i] = (float) random.nextGaussian();
    }

    float[] before;
    String sha;
    try (Model model = Model.newInstance("trained", "PyTorch")) {
      model.setBlock(Blocks.build(manifest.architecture(), manifest.output().units()));
      model.getBlock().initialize(model.getNDManager(), DataType.FLOAT32, new Shape(1, width));
      before = predictInMemory(model, x, rows, width);
      sha = ModelArchive.writeDjl(manifest, model, tmp.resolve("model.zip"));
    }

    try (LoadedModel loaded = ModelLoader.load(ModelArchive.unpack(tmp.resolve("model.zip"), sha, tmp.resolve("m")));
        BatchPredictor predictor = loaded.newPredictor()) {
      assertThat(loaded.manifest()).isEqualTo(manifest);
      float[] after = predictor.predict(x, rows);
      assertThat(after).hasSize(rows * manifest.output().units()).containsExactly(before);
      assertThat(after).as("initialized weights are not all zero").isNotEqualTo(new float[after.length]);
    }
  }

  /** The trained model as model-service holds it, called through plain DJL, not our predictor. */
  private static float[] predictInMemory(Model model, float[] x, int rows, int width) throws Exception {
    try (var predictor = model.newPredictor(new NoopTranslator())) {
      var in = new NDList(model.getNDManager().create(x, new Shape(rows, width)));
      NDList out = predictor.predict(in);
      float[] values = out.singletonOrThrow().toFloatArray();
      out.close();
      in.close();
      return values;
    }
  }

}
