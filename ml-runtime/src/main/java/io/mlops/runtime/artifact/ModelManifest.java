package io.mlops.runtime.artifact;

import io.mlops.domain.model.Lineage;
import io.mlops.domain.model.Task;
import io.mlops.runtime.architecture.ArchitectureSpec;
import java.util.Map;

/**
 * The content of {@code model.json}: everything needed to load and call a model, and where it came
 * from. Read and written with {@link ManifestJson}.
 *
 * @param formatVersion {@link #FORMAT_VERSION}; readers refuse any other
 * @param architecture required for {@code djl}, absent for {@code torchscript}
 * @param metrics evaluation metrics by name (e.g. {@code accuracy}, {@code rmse}); may be empty
 * @param lineage may be null
 */
public record ModelManifest(
    int formatVersion,
    ModelKind kind,
    ArchitectureSpec architecture,
    InputSignature input,
    OutputSpec output,
    Map<String, Double> metrics,
    Lineage lineage) {

  public static final int FORMAT_VERSION = 1;

  public ModelManifest {
    if (formatVersion != FORMAT_VERSION) {
      throw new UnsupportedFormatVersion(formatVersion);
    }
    if (kind == null || input == null || output == null) {
      throw new ManifestInvalid("model.json needs kind, input and output");
    }
    if (kind == ModelKind.DJL) {
      if (architecture == null) {
        throw new ManifestInvalid("a djl model needs an architecture");
      }
      boolean regression = output.task() == Task.REGRESSION;
      if (regression ? !architecture.forRegression() : !architecture.forClassification()) {
        throw new ManifestInvalid(architecture.getClass().getSimpleName() + " does not fit task " + output.task());
      }
    } else if (architecture != null) {
      throw new ManifestInvalid("a torchscript model carries its own architecture; remove 'architecture'");
    }
    metrics = metrics == null ? Map.of() : Map.copyOf(metrics);
  }

  /** A model built from an architecture spec and trained with DJL. */
  public static ModelManifest djl(ArchitectureSpec architecture, InputSignature input, OutputSpec output,
      Map<String, Double> metrics, Lineage lineage) {
    return new ModelManifest(FORMAT_VERSION, ModelKind.DJL, architecture, input, output, metrics, lineage);
  }

  /** An imported TorchScript module. */
  public static ModelManifest torchScript(InputSignature input, OutputSpec output, Map<String, Double> metrics,
      Lineage lineage) {
    return new ModelManifest(FORMAT_VERSION, ModelKind.TORCHSCRIPT, null, input, output, metrics, lineage);
  }
}
