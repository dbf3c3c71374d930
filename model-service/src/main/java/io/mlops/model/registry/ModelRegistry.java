package io.mlops.model.registry;

import io.mlops.domain.model.AliasChange;
import io.mlops.runtime.archive.Directories;
import io.mlops.runtime.artifact.ModelArchive;
import io.mlops.runtime.artifact.ModelManifest;
import io.mlops.support.blob.BlobStore;
import io.mlops.support.blob.StagedBlob;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipFile;
import org.springframework.stereotype.Service;

/**
 * The registry's API, for the REST adapters and for other features of this service (training jobs
 * call {@link #register}). Names are checked against {@link io.mlops.domain.id.Names}; errors are
 * {@link io.mlops.support.web.ApiProblem}s (404 unknown model/version/alias, 409 duplicate model,
 * 422 unusable artifact).
 */
@Service
public class ModelRegistry {

  private final RegistryTransactions tx;
  private final ModelRows models;
  private final VersionRows versions;
  private final AliasRows aliases;
  private final BlobStore blobs;
  private final RegistryProperties properties;

  ModelRegistry(RegistryTransactions tx, ModelRows models, VersionRows versions, AliasRows aliases, BlobStore blobs,
      RegistryProperties properties) {
    this.tx = tx;
    this.models = models;
    this.versions = versions;
    this.aliases = aliases;
    this.blobs = blobs;
    this.properties = properties;
  }

  /** @throws ModelAlreadyExists if the name is taken */
  public ModelSummary createModel(String name, String description, Map<String, String> tags) {
    return summary(tx.createModel(NameInvalid.require("model", name), description, tags), null);
  }

  public ModelSummary model(String name) {
    return summary(models.find(name).orElseThrow(() -> new ModelNotFound(name)), null);
  }

  public List<ModelSummary> search(ModelSearch search) {
    return models.search(search).stream().map(m -> summary(m.row(), m.matchingVersions())).toList();
  }

  /** @param description null keeps it; @param tagChanges merged, a null value removes the tag */
  public ModelSummary updateModel(String name, String description, Map<String, String> tagChanges) {
    return summary(tx.updateModel(name, description, tagChanges), null);
  }

  /**
   * Registers the archive as the model's next version (the model is created if absent), stores the
   * archive by SHA-256 and emits ModelTrained, all or nothing; the command's {@link VersionGuard}, if any,
   * runs in that same transaction and whatever it throws refuses the registration.
   *
   * @throws ArtifactInvalid if the archive is not a safe, readable ml-runtime artifact (nothing is kept)
   */
  public ModelVersionView register(RegisterVersion command) {
    String name = NameInvalid.require("model", command.model());
    ModelManifest manifest = readManifest(command.archive());
    try (StagedBlob staged = blobs.stageCopy(command.archive(), properties.maxArtifactSize().toBytes())) {
      return tx.insertVersion(command, manifest, staged);
    } catch (IOException e) {
      throw new UncheckedIOException("could not stage the artifact of " + name, e);
    }
  }

  public List<ModelVersionView> versions(String model) {
    model(model);
    return versions.list(model);
  }

  public ModelVersionView version(String model, int version) {
    return versions.find(model, version).orElseThrow(() -> {
      model(model);
      return new ModelVersionNotFound(model, version);
    });
  }

  public ModelVersionView updateVersion(String model, int version, String description, Map<String, String> tagChanges) {
    tx.updateVersion(model, version, description, tagChanges);
    return version(model, version);
  }

  /** Points the alias at the version, records who/why in its history and emits ModelDeployed (unless unchanged). */
  public AliasView setAlias(String model, String alias, int version, String actor, String reason) {
    return tx.setAlias(model, NameInvalid.require("alias", alias), version, actor, reason);
  }

  /**
   * Moves the alias only while it still points at {@code expected} (history, ModelDeployed as {@link #setAlias});
   * returns false, changing nothing, when it points elsewhere or was removed.
   */
  public boolean moveAliasIf(String model, String alias, int expected, int version, String actor, String reason) {
    return tx.moveAliasIf(model, alias, expected, version, actor, reason);
  }

  /** Records in the alias's history a step that left it on {@code version}, e.g. a retraining started or rejected. */
  public void recordAliasStep(String model, String alias, int version, AliasChange.Action action, String actor,
      String reason) {
    tx.recordStep(model, alias, version, action, actor, reason);
  }

  public void removeAlias(String model, String alias, String actor, String reason) {
    tx.removeAlias(model, alias, actor, reason);
  }

  public AliasView resolveAlias(String model, String alias) {
    return aliases.find(model, alias).orElseThrow(() -> {
      model(model);
      return new AliasNotFound(model, alias);
    });
  }

  /** Every move of the alias, oldest first (empty if it was never set). */
  public List<AliasChange> aliasHistory(String model, String alias) {
    model(model);
    return aliases.history(model, alias);
  }

  /** The version's archive, streamed; the caller closes it. */
  public InputStream openArtifact(ModelVersionView version) throws IOException {
    return blobs.open(version.artifactSha256());
  }

  /** The version's model.json, as stored in its archive. */
  public byte[] manifest(ModelVersionView version) {
    Path archive = blobs.localPath(version.artifactSha256())
        .orElseThrow(() -> new IllegalStateException("artifact " + version.artifactSha256() + " is missing"));
    try (ZipFile zip = new ZipFile(archive.toFile())) {
      try (InputStream in = zip.getInputStream(zip.getEntry(ModelArchive.MANIFEST))) {
        return in.readAllBytes();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Verifies the archive through ml-runtime's safe unpacking (limits, no escaping entries, valid model.json). */
  private static ModelManifest readManifest(Path archive) {
    Path folder = null;
    try {
      folder = Files.createTempDirectory("mlops-register");
      Path target = folder.resolve("unpacked");
      return ModelArchive.unpack(archive, ModelArchive.sha256(archive), target).manifest();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (RuntimeException e) {
      throw new ArtifactInvalid(e);
    } finally {
      if (folder != null) {
        Directories.deleteRecursively(folder);
      }
    }
  }

  private ModelSummary summary(ModelRow row, List<Integer> matching) {
    return new ModelSummary(row.id(), row.name(), row.description(), row.tags(), versions.latest(row.id()).orElse(null),
        aliases.of(row.id()), row.createdAt(), row.updatedAt(), matching);
  }
}
