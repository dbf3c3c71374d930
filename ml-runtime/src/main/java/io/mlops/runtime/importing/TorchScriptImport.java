package io.mlops.runtime.importing;

import io.mlops.runtime.archive.Directories;
import io.mlops.runtime.artifact.ModelArchive;
import io.mlops.runtime.artifact.ModelKind;
import io.mlops.runtime.artifact.ModelManifest;
import io.mlops.runtime.inference.BatchPredictor;
import io.mlops.runtime.inference.LoadedModel;
import io.mlops.runtime.inference.ModelLoader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Turns an external TorchScript module into a model archive only once it has proved usable: it must
 * be a TorchScript zip (never a pickle), load with the PyTorch engine, and answer the declared
 * example row with the declared number of finite outputs. Loads exactly what inference will load:
 * the packed archive, unpacked through the same safe path.
 */
public final class TorchScriptImport {

  private TorchScriptImport() {}

  /** The packed archive and what the module answered on the example row. */
  public record Checked(String sha256, long sizeBytes, float[] exampleOutput) {}

  /**
   * Checks {@code module} and writes {@code archive} from it. On any refusal {@code archive} is
   * deleted and no temporary file is left.
   *
   * @param manifest kind {@code torchscript}; its input width is the example row's length
   * @param exampleRow one row of raw inputs, in the signature's order
   * @throws NotTorchScript if the file is not a TorchScript archive
   * @throws io.mlops.runtime.archive.UnsafeArchiveEntry if an entry would escape its folder
   * @throws io.mlops.runtime.inference.ModelLoadFailed if libtorch cannot load or run it
   * @throws io.mlops.runtime.inference.ModelOutputMismatch if its output width is not the manifest's
   * @throws io.mlops.runtime.inference.InputShapeMismatch if the example row has the wrong width
   * @throws ExampleOutputInvalid if an output on the example row is NaN or infinite
   */
  public static Checked pack(ModelManifest manifest, Path module, float[] exampleRow, Path archive) {
    if (manifest.kind() != ModelKind.TORCHSCRIPT) {
      throw new IllegalArgumentException("manifest kind is " + manifest.kind() + ", not torchscript");
    }
    TorchScriptStructure.require(module);
    Path unpacked = null;
    try {
      String sha256 = ModelArchive.write(manifest, module, archive);
      unpacked = Files.createTempDirectory("mlops-import-check");
      Files.delete(unpacked); // unpack wants an absent or empty folder, and deletes it on refusal
      float[] output;
      try (LoadedModel model = ModelLoader.load(ModelArchive.unpack(archive, sha256, unpacked));
          BatchPredictor predictor = model.newPredictor()) {
        output = predictor.predict(exampleRow, 1);
      }
      for (int i = 0; i < output.length; i++) {
        if (!Float.isFinite(output[i])) {
          throw new ExampleOutputInvalid("output " + i + " on the example row is " + output[i]);
        }
      }
      return new Checked(sha256, Files.size(archive), output);
    } catch (IOException e) {
      deleteQuietly(archive);
      throw new UncheckedIOException(e);
    } catch (RuntimeException e) {
      deleteQuietly(archive);
      throw e;
    } finally {
      if (unpacked != null) {
        Directories.deleteRecursively(unpacked);
      }
    }
  }

  private static void deleteQuietly(Path file) {
    try {
      Files.deleteIfExists(file);
    } catch (IOException ignored) {
      // the caller's staging folder is cleaned with it; nothing more to do here
    }
  }
}
