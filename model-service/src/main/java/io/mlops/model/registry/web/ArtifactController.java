package io.mlops.model.registry.web;

import io.mlops.model.registry.ModelRegistry;
import io.mlops.model.registry.ModelVersionView;
import java.io.InputStream;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/** A version's archive, streamed with its SHA-256 (inference verifies it), and its model.json. */
@RestController
@RequestMapping("/api/v1/models/{name}/versions/{version}")
class ArtifactController {

  static final String SHA256_HEADER = "X-Artifact-Sha256";

  private final ModelRegistry registry;

  ArtifactController(ModelRegistry registry) {
    this.registry = registry;
  }

  @GetMapping("/artifact")
  ResponseEntity<StreamingResponseBody> artifact(@PathVariable String name, @PathVariable int version,
      @RequestHeader(name = HttpHeaders.IF_NONE_MATCH, required = false) String ifNoneMatch) {
    ModelVersionView v = registry.version(name, version);
    String etag = "\"" + v.artifactSha256() + "\"";
    if (etag.equals(ifNoneMatch)) {
      return ResponseEntity.status(HttpStatus.NOT_MODIFIED).eTag(etag).header(SHA256_HEADER, v.artifactSha256()).build();
    }
    StreamingResponseBody body = out -> {
      try (InputStream in = registry.openArtifact(v)) {
        in.transferTo(out);
      }
    };
    return ResponseEntity.ok()
        .contentType(MediaType.parseMediaType("application/zip"))
        .contentLength(v.artifactBytes())
        .eTag(etag)
        .header(SHA256_HEADER, v.artifactSha256())
        .header(HttpHeaders.CONTENT_DISPOSITION,
            ContentDisposition.attachment().filename(name + "-" + version + ".zip").build().toString())
        .body(body);
  }

  @GetMapping("/manifest")
  ResponseEntity<byte[]> manifest(@PathVariable String name, @PathVariable int version) {
    ModelVersionView v = registry.version(name, version);
    return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).eTag("\"" + v.artifactSha256() + "\"")
        .body(registry.manifest(v));
  }
}
