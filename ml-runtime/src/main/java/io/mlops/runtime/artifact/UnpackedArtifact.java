package io.mlops.runtime.artifact;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A model artifact unpacked into a folder: {@code model.json} and the parameter file side by side.
 *
 * @param directory the folder holding {@code model.json}
 */
public record UnpackedArtifact(Path directory, ModelManifest manifest) {

  /**
   * Reads an already unpacked folder (e.g. one a cache kept on disk).
   *
   * @throws ManifestInvalid if model.json is absent or invalid
   * @throws ParameterFileMissing if the parameter file named by the kind is absent
   */
  public static UnpackedArtifact open(Path directory) {
    Path json = directory.resolve(ModelArchive.MANIFEST);
    if (!Files.isRegularFile(json)) {
      throw new ManifestInvalid("model artifact has no " + ModelArchive.MANIFEST);
    }
    ModelManifest manifest;
    try {
      manifest = ManifestJson.read(Files.readAllBytes(json));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    String parameters = manifest.kind().parameterFile();
    if (!Files.isRegularFile(directory.resolve(parameters))) {
      throw new ParameterFileMissing(parameters);
    }
    return new UnpackedArtifact(directory, manifest);
  }

  public Path parameterFile() {
    return directory.resolve(manifest.kind().parameterFile());
  }
}
