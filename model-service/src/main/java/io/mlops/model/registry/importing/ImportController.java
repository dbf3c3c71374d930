package io.mlops.model.registry.importing;

import io.mlops.model.registry.ModelVersionView;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/** {@code POST /api/v1/models/{name}/versions:import}: multipart {@code file} (.pt TorchScript) and {@code signature} (JSON). */
@RestController
class ImportController {

  private final ModelImporter importer;
  private final JsonMapper json;

  ImportController(ModelImporter importer, JsonMapper json) {
    this.importer = importer;
    this.json = json;
  }

  record ImportResponse(ModelVersionView version, float[] exampleOutput) {}

  @PostMapping(path = "/api/v1/models/{name}/versions:import", consumes = "multipart/form-data")
  ResponseEntity<ImportResponse> importTorchScript(@PathVariable String name, @RequestPart("file") MultipartFile file,
      @RequestPart("signature") String signature,
      @RequestHeader(name = "X-Actor", defaultValue = "anonymous") String actor) throws IOException {
    ImportSignature parsed = parse(signature);
    try (InputStream in = file.getInputStream()) {
      ModelImporter.Imported imported = importer.importTorchScript(name, in, parsed, actor);
      ModelVersionView v = imported.version();
      return ResponseEntity.created(URI.create("/api/v1/models/" + name + "/versions/" + v.version()))
          .body(new ImportResponse(v, imported.exampleOutput()));
    }
  }

  private ImportSignature parse(String signature) {
    try {
      return json.readValue(signature, ImportSignature.class);
    } catch (JacksonException e) {
      Throwable root = e;
      while (root.getCause() != null) {
        root = root.getCause();
      }
      throw ModelImportRefused.signature(root == e ? e.getOriginalMessage() : root.getMessage());
    }
  }
}
