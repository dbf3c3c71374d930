package io.mlops.runtime.inference;

import ai.djl.Device;
import ai.djl.MalformedModelException;
import ai.djl.Model;
import ai.djl.engine.EngineException;
import io.mlops.runtime.architecture.Blocks;
import io.mlops.runtime.artifact.ModelArchive;
import io.mlops.runtime.artifact.ModelKind;
import io.mlops.runtime.artifact.ModelManifest;
import io.mlops.runtime.artifact.UnpackedArtifact;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

/**
 * Loads an unpacked artifact with the PyTorch engine on a device (the CPU unless told otherwise), then
 * runs one all-zero row through it: this warms the engine and proves the output width matches the
 * manifest before any traffic.
 */
public final class ModelLoader {

  private static final String ENGINE = "PyTorch";

  private ModelLoader() {}

  /** Reads {@code model.json} in {@code directory} and loads the model. */
  public static LoadedModel load(Path directory) {
    return load(UnpackedArtifact.open(directory));
  }

  /**
   * @throws ModelLoadFailed if the engine cannot read the parameters or module
   * @throws ModelOutputMismatch if the network's output width differs from the manifest's
   */
  public static LoadedModel load(UnpackedArtifact artifact) {
    return load(artifact, Device.cpu());
  }

  /**
   * Loads on {@code device}; its parameters, predictors and input arrays live there.
   *
   * @throws ModelLoadFailed if the engine cannot read the parameters or module
   * @throws ModelOutputMismatch if the network's output width differs from the manifest's
   */
  public static LoadedModel load(UnpackedArtifact artifact, Device device) {
    ModelManifest manifest = artifact.manifest();
    String name = artifact.directory().getFileName().toString();
    Model model = Model.newInstance(name, device, ENGINE);
    try {
      if (manifest.kind() == ModelKind.DJL) {
        model.setBlock(Blocks.build(manifest.architecture(), manifest.output().units()));
        model.load(artifact.directory(), ModelArchive.MODEL_PREFIX);
      } else {
        // mapLocation: tensors saved on another device are mapped to this model's device.
        model.load(artifact.directory(), ModelArchive.MODEL_PREFIX, Map.of("mapLocation", "true"));
      }
    } catch (IOException | MalformedModelException | EngineException | IllegalArgumentException e) {
      model.close();
      throw new ModelLoadFailed("could not load " + manifest.kind() + " model '" + name + "': " + e.getMessage(), e);
    }
    LoadedModel loaded = new LoadedModel(name, model, manifest);
    try (BatchPredictor check = loaded.newPredictor()) {
      check.predict(new float[loaded.inputWidth()], 1);
    } catch (RuntimeException e) {
      loaded.close();
      throw e instanceof ModelOutputMismatch ? e
          : new ModelLoadFailed("model '" + name + "' failed on a zero row of width " + loaded.inputWidth(), e);
    }
    return loaded;
  }
}
