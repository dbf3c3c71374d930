package io.mlops.runtime.artifact;

import ai.djl.Model;
import io.mlops.runtime.archive.ArchiveLimits;
import io.mlops.runtime.archive.Directories;
import io.mlops.runtime.archive.SafeUnzip;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDateTime;
import java.util.HexFormat;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Packs and unpacks model archives: one zip holding {@code model.json} and either
 * {@code model-0000.params} (kind {@code djl}) or {@code model.pt} (kind {@code torchscript}).
 * Entries carry a fixed timestamp, so the same content always gives the same archive and SHA-256.
 */
public final class ModelArchive {

  public static final String MANIFEST = "model.json";
  public static final String DJL_PARAMETERS = "model-0000.params";
  public static final String TORCHSCRIPT_MODULE = "model.pt";
  /** The name DJL's {@code Model.load(dir, prefix)} and {@code save} use for our files. */
  public static final String MODEL_PREFIX = "model";

  private static final LocalDateTime FIXED_TIME = LocalDateTime.of(1980, 1, 1, 0, 0);

  private ModelArchive() {}

  /**
   * Writes {@code archive} (replacing it) from a manifest and its parameter file.
   *
   * @param parameterFile a DJL {@code .params} file or a TorchScript {@code .pt}, per the manifest's kind
   * @return the archive's SHA-256, lowercase hex
   */
  public static String write(ModelManifest manifest, Path parameterFile, Path archive) {
    MessageDigest digest = newDigest();
    try (OutputStream file = Files.newOutputStream(archive);
        ZipOutputStream zip = new ZipOutputStream(new DigestOutputStream(file, digest))) {
      zip.putNextEntry(entry(MANIFEST));
      zip.write(ManifestJson.write(manifest));
      zip.closeEntry();
      zip.putNextEntry(entry(manifest.kind().parameterFile()));
      Files.copy(parameterFile, zip);
      zip.closeEntry();
    } catch (IOException e) {
      throw new UncheckedIOException("could not write model archive " + archive, e);
    }
    return HexFormat.of().formatHex(digest.digest());
  }

  /**
   * Saves a DJL model's parameters (its block must be initialized or trained) and packs them.
   *
   * @return the archive's SHA-256, lowercase hex
   */
  public static String writeDjl(ModelManifest manifest, Model model, Path archive) {
    if (manifest.kind() != ModelKind.DJL) {
      throw new IllegalArgumentException("manifest kind is " + manifest.kind() + ", not djl");
    }
    Path folder = null;
    try {
      folder = Files.createTempDirectory("mlops-djl-save");
      model.save(folder, MODEL_PREFIX);
      List<Path> params;
      try (var files = Files.list(folder)) {
        params = files.filter(p -> p.getFileName().toString().endsWith(".params")).toList();
      }
      if (params.size() != 1) {
        throw new IllegalStateException("DJL saved " + params.size() + " parameter files, expected 1");
      }
      return write(manifest, params.getFirst(), archive);
    } catch (IOException e) {
      throw new UncheckedIOException("could not save DJL model " + model.getName(), e);
    } finally {
      if (folder != null) {
        Directories.deleteRecursively(folder);
      }
    }
  }

  /** {@link #unpack(Path, String, Path, ArchiveLimits)} with {@link ArchiveLimits#DEFAULT}. */
  public static UnpackedArtifact unpack(Path archive, String expectedSha256, Path target) {
    return unpack(archive, expectedSha256, target, ArchiveLimits.DEFAULT);
  }

  /**
   * Verifies the archive's SHA-256, unpacks it safely into {@code target} (absent or empty) and
   * reads its manifest. On any failure nothing is left in {@code target}.
   *
   * @throws ArtifactChecksumMismatch before anything is unpacked
   * @throws io.mlops.runtime.archive.UnsafeArchiveEntry or the other archive refusals
   * @throws ManifestInvalid, UnsupportedFormatVersion, ParameterFileMissing
   */
  public static UnpackedArtifact unpack(Path archive, String expectedSha256, Path target, ArchiveLimits limits) {
    if (expectedSha256 == null || expectedSha256.isBlank()) {
      throw new IllegalArgumentException("an expected SHA-256 is required to unpack a model archive");
    }
    String actual = sha256(archive);
    if (!actual.equalsIgnoreCase(expectedSha256.strip())) {
      throw new ArtifactChecksumMismatch(expectedSha256, actual);
    }
    SafeUnzip.unpack(archive, target, limits);
    try {
      return UnpackedArtifact.open(target);
    } catch (RuntimeException e) {
      Directories.deleteRecursively(target);
      throw e;
    }
  }

  /** SHA-256 of a file's bytes, lowercase hex. */
  public static String sha256(Path file) {
    MessageDigest digest = newDigest();
    try (InputStream in = new DigestInputStream(Files.newInputStream(file), digest)) {
      in.transferTo(OutputStream.nullOutputStream());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return HexFormat.of().formatHex(digest.digest());
  }

  private static ZipEntry entry(String name) {
    ZipEntry entry = new ZipEntry(name);
    entry.setTimeLocal(FIXED_TIME);
    return entry;
  }

  private static MessageDigest newDigest() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }
}
