package io.mlops.runtime.artifact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mlops.runtime.testing.Fixtures;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelArchiveTest {

  @TempDir
  Path tmp;

  @Test
  void packsManifestAndModuleAndReturnsTheArchivesSha256() throws Exception {
    Path pt = Fixtures.copyModelResource("iris_mlp.pt", tmp);
    Path archive = tmp.resolve("iris.zip");

    String sha = ModelArchive.write(Fixtures.irisTorchScript(), pt, archive);

    // Computed independently over the bytes on disk (write() hashes the stream as it writes).
    String expected = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(archive)));
    assertThat(sha).isEqualTo(expected).hasSize(64);
    try (ZipFile zip = new ZipFile(archive.toFile())) {
      assertThat(zip.stream().map(ZipEntry::getName)).containsExactly("model.json", "model.pt");
    }
  }

  @Test
  void sameContentGivesTheSameArchive() {
    Path pt = Fixtures.copyModelResource("iris_mlp.pt", tmp);

    String first = ModelArchive.write(Fixtures.irisTorchScript(), pt, tmp.resolve("a.zip"));
    String second = ModelArchive.write(Fixtures.irisTorchScript(), pt, tmp.resolve("b.zip"));

    assertThat(second).isEqualTo(first);
  }

  @Test
  void unpacksAVerifiedArchiveWithItsManifest() throws IOException {
    Path pt = Fixtures.copyModelResource("iris_mlp.pt", tmp);
    String sha = ModelArchive.write(Fixtures.irisTorchScript(), pt, tmp.resolve("iris.zip"));

    UnpackedArtifact artifact = ModelArchive.unpack(tmp.resolve("iris.zip"), sha.toUpperCase(), tmp.resolve("out"));

    assertThat(artifact.manifest()).isEqualTo(Fixtures.irisTorchScript());
    assertThat(Files.mismatch(artifact.parameterFile(), pt)).isEqualTo(-1L);
  }

  @Test
  void refusesAnArchiveWhoseSha256DiffersAndUnpacksNothing() {
    Path pt = Fixtures.copyModelResource("iris_mlp.pt", tmp);
    String sha = ModelArchive.write(Fixtures.irisTorchScript(), pt, tmp.resolve("iris.zip"));
    String wrong = (sha.charAt(0) == '0' ? "1" : "0") + sha.substring(1);

    assertThatThrownBy(() -> ModelArchive.unpack(tmp.resolve("iris.zip"), wrong, tmp.resolve("out")))
        .isInstanceOf(ArtifactChecksumMismatch.class).hasMessageContaining(sha);
    assertThat(tmp.resolve("out")).doesNotExist();
  }

  @Test
  void refusesAnArchiveWithoutItsParameterFileAndCleansUp() throws IOException {
    Path archive = tmp.resolve("incomplete.zip");
    try (OutputStream out = Files.newOutputStream(archive); var zip = new ZipOutputStream(out)) {
      zip.putNextEntry(new ZipEntry("model.json"));
      zip.write(ManifestJson.write(Fixtures.irisTorchScript()));
      zip.closeEntry();
    }

    assertThatThrownBy(() -> ModelArchive.unpack(archive, ModelArchive.sha256(archive), tmp.resolve("out")))
        .isInstanceOf(ParameterFileMissing.class).hasMessageContaining("model.pt");
    assertThat(tmp.resolve("out")).doesNotExist();
  }
}
