package io.mlops.model.registry.importing;

import io.mlops.domain.model.Hyperparameters;
import io.mlops.domain.model.Lineage;
import io.mlops.domain.model.Metrics;
import io.mlops.model.registry.ModelRegistry;
import io.mlops.model.registry.ModelSource;
import io.mlops.model.registry.ModelVersionView;
import io.mlops.model.registry.RegisterVersion;
import io.mlops.runtime.archive.Directories;
import io.mlops.runtime.artifact.ModelManifest;
import io.mlops.runtime.importing.TorchScriptImport;
import io.mlops.support.blob.BlobStore;
import io.mlops.support.blob.StagedBlob;
import io.mlops.support.web.ApiProblem;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.springframework.stereotype.Service;

/**
 * Import of an external TorchScript module: the upload is streamed to a staged blob (size limit,
 * SHA-256), ml-runtime checks its layout and packs it, loads it and runs the example row; only then
 * is it registered. On any refusal the staged upload, the packed archive and the temporary folders
 * are deleted, and no row or event exists.
 */
@Service
class ModelImporter {

  private final ModelRegistry registry;
  private final BlobStore blobs;
  private final ImportProperties properties;

  ModelImporter(ModelRegistry registry, BlobStore blobs, ImportProperties properties) {
    this.registry = registry;
    this.blobs = blobs;
    this.properties = properties;
  }

  record Imported(ModelVersionView version, float[] exampleOutput) {}

  Imported importTorchScript(String model, InputStream upload, ImportSignature signature, String actor) throws IOException {
    registry.model(model);
    ModelManifest manifest = manifestOf(signature);
    float[] example = signature.exampleRow();
    Path work = Files.createTempDirectory("mlops-import");
    try {
      // built before the upload is staged and loaded: refuses a null tag or a non-finite metric cheaply
      RegisterVersion command = new RegisterVersion(model, work.resolve("model.zip"), new Metrics(signature.metrics()),
          new Hyperparameters(Map.of()), Lineage.none(), signature.tags(), signature.description(), actor,
          ModelSource.IMPORTED, null);
      try (StagedBlob module = blobs.stage(upload, properties.maxSize().toBytes())) {
        TorchScriptImport.Checked checked;
        try {
          checked = TorchScriptImport.pack(manifest, module.file(), example, command.archive());
        } catch (ApiProblem e) {
          throw e;
        } catch (RuntimeException e) {
          throw ModelImportRefused.because(e);
        }
        ModelVersionView version = registry.register(command.withSourceSha256(module.sha256()));
        return new Imported(version, checked.exampleOutput());
      }
    } finally {
      Directories.deleteRecursively(work);
    }
  }

  private static ModelManifest manifestOf(ImportSignature signature) {
    try {
      return signature.manifest();
    } catch (ApiProblem e) {
      throw e;
    } catch (RuntimeException e) {
      throw ModelImportRefused.because(e);
    }
  }
}
