package io.mlops.runtime.importing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.mlops.domain.model.Task;
import io.mlops.runtime.archive.UnsafeArchiveEntry;
import io.mlops.runtime.artifact.InputSignature;
import io.mlops.runtime.artifact.ModelArchive;
import io.mlops.runtime.artifact.ModelManifest;
import io.mlops.runtime.artifact.OutputSpec;
import io.mlops.runtime.inference.InputShapeMismatch;
import io.mlops.runtime.inference.ModelOutputMismatch;
import io.mlops.runtime.testing.Fixtures;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TorchScriptImportTest {

  // First row of iris_mlp_expected.csv (logits computed by PyTorch 2.11 at export).
  private static final float[] FIRST_IRIS_ROW = {5.1f, 3.5f, 1.4f, 0.2f};
  private static final float[] FIRST_IRIS_LOGITS = {6.856776714324951f, -1.9276037216186523f, -5.537172794342041f};

  @TempDir
  Path tmp;

  @Test
  void packsIrisAfterRunningTheExampleRow() throws IOException {
    Path pt = Fixtures.copyModelResource("iris_mlp.pt", tmp.resolve("in"));
    Path archive = tmp.resolve("iris.zip");

    var checked = TorchScriptImport.pack(Fixtures.irisTorchScript(), pt, FIRST_IRIS_ROW, archive);

    for (int i = 0; i < 3; i++) {
      assertThat(checked.exampleOutput()[i]).isCloseTo(FIRST_IRIS_LOGITS[i], within(1e-4f));
    }
    assertThat(checked.sha256()).isEqualTo(ModelArchive.sha256(archive));
    assertThat(checked.sizeBytes()).isEqualTo(Files.size(archive));
  }

  @Test
  void refusesAWrongOutputWidthAndAWrongExampleWidthLeavingNoArchive() {
    Path pt = Fixtures.copyModelResource("iris_mlp.pt", tmp.resolve("in"));
    Path archive = tmp.resolve("iris.zip");
    var fourClasses = ModelManifest.torchScript(InputSignature.ofNumbers(Fixtures.IRIS_FEATURES),
        new OutputSpec(Task.MULTICLASS, List.of("a", "b", "c", "d"), null), Map.of(), null);

    assertThatThrownBy(() -> TorchScriptImport.pack(fourClasses, pt, FIRST_IRIS_ROW, archive))
        .isInstanceOf(ModelOutputMismatch.class);
    assertThat(archive).doesNotExist();
    assertThatThrownBy(() -> TorchScriptImport.pack(Fixtures.irisTorchScript(), pt, new float[] {1, 2, 3}, archive))
        .isInstanceOf(InputShapeMismatch.class);
    assertThat(archive).doesNotExist();
  }

  @Test
  void refusesPicklesGarbageAndEscapingEntriesBeforeLoading() throws IOException {
    Path archive = tmp.resolve("out.zip");
    Path pickle = Files.write(tmp.resolve("model.pkl"), new byte[] {(byte) 0x80, 4, (byte) 0x95, 0, 0, 0, 0, '.'});
    Path torchSave = zip("saved.pt", "m/data.pkl", "m/version", "m/data/0", "m/byteorder");
    Path escaping = zip("evil.pt", "m/code/__torch__.py", "m/constants.pkl", "m/data.pkl", "m/version", "m/../../x");

    assertThatThrownBy(() -> TorchScriptImport.pack(Fixtures.irisTorchScript(), pickle, FIRST_IRIS_ROW, archive))
        .isInstanceOf(NotTorchScript.class).hasMessageContaining("not a zip");
    assertThatThrownBy(() -> TorchScriptImport.pack(Fixtures.irisTorchScript(), torchSave, FIRST_IRIS_ROW, archive))
        .isInstanceOf(NotTorchScript.class).hasMessageContaining("constants.pkl");
    assertThatThrownBy(() -> TorchScriptImport.pack(Fixtures.irisTorchScript(), escaping, FIRST_IRIS_ROW, archive))
        .isInstanceOf(UnsafeArchiveEntry.class).hasMessageContaining("m/../../x");
    assertThat(archive).doesNotExist();
  }

  @Test
  void refusesATorchScriptLookalikeThatLibtorchCannotLoad() throws IOException {
    Path fake = zip("fake.pt", "m/code/__torch__.py", "m/constants.pkl", "m/data.pkl", "m/version");
    Path archive = tmp.resolve("out.zip");

    assertThatThrownBy(() -> TorchScriptImport.pack(Fixtures.irisTorchScript(), fake, FIRST_IRIS_ROW, archive))
        .isInstanceOf(io.mlops.runtime.inference.ModelLoadFailed.class);
    assertThat(archive).doesNotExist();
  }

  private Path zip(String name, String... entries) throws IOException {
    Path file = tmp.resolve(name);
    try (OutputStream out = Files.newOutputStream(file); ZipOutputStream zip = new ZipOutputStream(out)) {
      for (String entry : entries) {
        zip.putNextEntry(new ZipEntry(entry));
        zip.write("garbage".getBytes());
        zip.closeEntry();
      }
    }
    return file;
  }
}
