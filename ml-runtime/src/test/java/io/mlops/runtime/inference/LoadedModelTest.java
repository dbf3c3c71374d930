package io.mlops.runtime.inference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mlops.domain.model.Task;
import io.mlops.runtime.artifact.InputSignature;
import io.mlops.runtime.artifact.ManifestJson;
import io.mlops.runtime.artifact.ModelManifest;
import io.mlops.runtime.artifact.OutputSpec;
import io.mlops.runtime.testing.Fixtures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LoadedModelTest {

  private static final float[] TWO_IRISES = {5.1f, 3.5f, 1.4f, 0.2f, 6.3f, 3.3f, 6.0f, 2.5f};

  @TempDir
  Path tmp;

  /** An unpacked folder as ModelArchive.unpack leaves it, holding the iris module under a manifest. */
  private Path irisFolder(ModelManifest manifest) throws IOException {
    Path folder = tmp.resolve("iris");
    Fixtures.copyModelResource("iris_mlp.pt", folder);
    Files.move(folder.resolve("iris_mlp.pt"), folder.resolve("model.pt"));
    Files.write(folder.resolve("model.json"), ManifestJson.write(manifest));
    return folder;
  }

  @Test
  void exposesTheSignatureAndWidths() throws IOException {
    try (LoadedModel model = ModelLoader.load(irisFolder(Fixtures.irisTorchScript()))) {
      assertThat(model.signature().modelInputs()).isEqualTo(Fixtures.IRIS_FEATURES);
      assertThat(model.output().classLabels()).isEqualTo(Fixtures.IRIS_CLASSES);
      assertThat(model.inputWidth()).isEqualTo(4);
      assertThat(model.outputWidth()).isEqualTo(3);
      assertThat(model.name()).isEqualTo("iris");
    }
  }

  @Test
  void loadsOnTheCpuByDefaultAndOnTheDeviceAskedFor() throws IOException {
    Path folder = irisFolder(Fixtures.irisTorchScript());
    try (LoadedModel byDefault = ModelLoader.load(folder)) {
      assertThat(byDefault.device()).isEqualTo(ai.djl.Device.cpu());
    }
    try (LoadedModel onCpu = ModelLoader.load(io.mlops.runtime.artifact.UnpackedArtifact.open(folder), ai.djl.Device.cpu());
        BatchPredictor predictor = onCpu.newPredictor()) {
      assertThat(onCpu.device()).isEqualTo(ai.djl.Device.cpu());
      // First iris row: PyTorch's logit for setosa (iris_mlp_expected.csv) is 6.8567767.
      assertThat(predictor.predict(new float[] {5.1f, 3.5f, 1.4f, 0.2f}, 1)[0]).isCloseTo(6.8567767f,
          org.assertj.core.data.Offset.offset(1e-4f));
    }
  }

  @Test
  void refusesAnInputOfTheWrongShape() throws IOException {
    try (LoadedModel model = ModelLoader.load(irisFolder(Fixtures.irisTorchScript()));
        BatchPredictor predictor = model.newPredictor()) {
      assertThatThrownBy(() -> predictor.predict(new float[7], 2))
          .isInstanceOf(InputShapeMismatch.class).hasMessageContaining("2 rows of 4 values, got 7");
      assertThatThrownBy(() -> predictor.predict(new float[0], 0)).isInstanceOf(InputShapeMismatch.class);
    }
  }

  @Test
  void closingTheModelReleasesItsPredictorsAndNativeMemory() throws IOException {
    LoadedModel model = ModelLoader.load(irisFolder(Fixtures.irisTorchScript()));
    BatchPredictor first = model.newPredictor();
    BatchPredictor second = model.newPredictor();
    second.close();
    assertThat(model.openPredictors()).isEqualTo(1);
    assertThat(first.predict(TWO_IRISES, 2)).hasSize(6);

    model.close();
    model.close();

    assertThat(model.isClosed()).isTrue();
    assertThat(model.openPredictors()).isZero();
    assertThat(model.djlModel().getNDManager().isOpen()).isFalse();
    assertThatThrownBy(() -> first.predict(TWO_IRISES, 2)).isInstanceOf(ModelAlreadyClosed.class);
    assertThatThrownBy(model::newPredictor).isInstanceOf(ModelAlreadyClosed.class);
  }

  @Test
  void predictorsOnTheirOwnThreadsAgreeWithASingleThread() throws Exception {
    try (LoadedModel model = ModelLoader.load(irisFolder(Fixtures.irisTorchScript()))) {
      float[] reference;
      try (BatchPredictor predictor = model.newPredictor()) {
        reference = predictor.predict(TWO_IRISES, 2);
      }
      ExecutorService workers = Executors.newFixedThreadPool(2);
      try {
        List<Future<List<float[]>>> results = new ArrayList<>();
        for (int w = 0; w < 2; w++) {
          results.add(workers.submit(() -> {
            List<float[]> outputs = new ArrayList<>();
            try (BatchPredictor own = model.newPredictor()) {
              for (int i = 0; i < 200; i++) {
                outputs.add(own.predict(TWO_IRISES, 2));
              }
            }
            return outputs;
          }));
        }
        for (Future<List<float[]>> result : results) {
          assertThat(result.get()).hasSize(200).allSatisfy(out -> assertThat(out).containsExactly(reference));
        }
      } finally {
        workers.shutdownNow();
      }
    }
  }

  @Test
  void refusesAModelWhoseOutputWidthDiffersFromItsManifest() throws IOException {
    ModelManifest binary = ModelManifest.torchScript(InputSignature.ofNumbers(Fixtures.IRIS_FEATURES),
        new OutputSpec(Task.BINARY, List.of("no", "yes"), null), null, null);

    assertThatThrownBy(() -> ModelLoader.load(irisFolder(binary)))
        .isInstanceOf(ModelOutputMismatch.class).hasMessageContaining("returned 3 values for 1 rows");
  }

  @Test
  void refusesAModelThatCannotTakeItsDeclaredInputWidth() throws IOException {
    ModelManifest fiveFeatures = ModelManifest.torchScript(
        InputSignature.ofNumbers(List.of("a", "b", "c", "d", "e")), Fixtures.irisTorchScript().output(), null, null);

    assertThatThrownBy(() -> ModelLoader.load(irisFolder(fiveFeatures)))
        .isInstanceOf(ModelLoadFailed.class).hasMessageContaining("zero row of width 5");
  }

  @Test
  void refusesAnUnreadableTorchScriptFile() throws IOException {
    Path folder = Files.createDirectories(tmp.resolve("broken"));
    Files.writeString(folder.resolve("model.pt"), "not a torchscript archive");
    Files.write(folder.resolve("model.json"), ManifestJson.write(Fixtures.irisTorchScript()));

    assertThatThrownBy(() -> ModelLoader.load(folder)).isInstanceOf(ModelLoadFailed.class);
  }
}
