package io.mlops.runtime.testing;

import io.mlops.domain.id.DatasetVersionRef;
import io.mlops.domain.id.FeatureSetVersionRef;
import io.mlops.domain.id.TrainingJobId;
import io.mlops.domain.model.Lineage;
import io.mlops.domain.model.Task;
import io.mlops.runtime.artifact.InputSignature;
import io.mlops.runtime.artifact.ModelManifest;
import io.mlops.runtime.artifact.OutputSpec;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/** Manifests and model files of the shared fixtures (copied into src/test/resources/models). */
public final class Fixtures {

  public static final List<String> IRIS_FEATURES = List.of("sepal_length", "sepal_width", "petal_length", "petal_width");
  public static final List<String> IRIS_CLASSES = List.of("setosa", "versicolor", "virginica");

  private Fixtures() {}

  public static ModelManifest irisTorchScript() {
    return ModelManifest.torchScript(InputSignature.ofNumbers(IRIS_FEATURES),
        new OutputSpec(Task.MULTICLASS, IRIS_CLASSES, "logits"), Map.of("accuracy", 0.97),
        new Lineage(new DatasetVersionRef("iris", 1), "ab".repeat(32), new FeatureSetVersionRef("iris-raw", 1),
            TrainingJobId.of("00000000-0000-0000-0000-000000000001"), "species"));
  }

  public static ModelManifest digitsTorchScript() {
    List<String> pixels = IntStream.range(0, 64).mapToObj(i -> "p" + i).toList();
    List<String> digits = IntStream.range(0, 10).mapToObj(Integer::toString).toList();
    return ModelManifest.torchScript(InputSignature.ofNumbers(pixels),
        new OutputSpec(Task.MULTICLASS, digits, "logits"), Map.of(), null);
  }

  /** Copies a classpath resource under /models to a file in {@code folder}. */
  public static Path copyModelResource(String name, Path folder) {
    Path target = folder.resolve(name);
    try (InputStream in = Fixtures.class.getResourceAsStream("/models/" + name)) {
      if (in == null) {
        throw new IllegalArgumentException("no test resource /models/" + name);
      }
      Files.createDirectories(folder);
      Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
      return target;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
