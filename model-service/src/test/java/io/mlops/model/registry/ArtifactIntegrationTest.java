package io.mlops.model.registry;

import static org.assertj.core.api.Assertions.assertThat;

import io.mlops.runtime.artifact.ModelArchive;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Artifact download (byte-identical, with its SHA-256) and the manifest endpoint. */
class ArtifactIntegrationTest extends RegistryTestBase {

  @Test
  void streamsTheArchiveByteIdenticalWithItsSha256() throws Exception {
    String name = uniqueName("download");
    Path archive = irisArchive(Map.of("accuracy", 0.96));
    registry.register(RegisterVersion.trained(name, archive, null, null, null, "t"));

    var response = http().get().uri("/api/v1/models/{n}/versions/1/artifact", name).retrieve().toEntity(byte[].class);

    String sha = ModelArchive.sha256(archive);
    assertThat(response.getStatusCode().value()).isEqualTo(200);
    assertThat(response.getBody()).isEqualTo(Files.readAllBytes(archive));
    assertThat(response.getHeaders().getFirst("X-Artifact-Sha256")).isEqualTo(sha);
    assertThat(response.getHeaders().getETag()).isEqualTo("\"" + sha + "\"");
    assertThat(response.getHeaders().getContentLength()).isEqualTo(Files.size(archive));

    var notModified = http().get().uri("/api/v1/models/{n}/versions/1/artifact", name)
        .header("If-None-Match", "\"" + sha + "\"").retrieve().toEntity(byte[].class);
    assertThat(notModified.getStatusCode().value()).isEqualTo(304);
  }

  @Test
  void servesTheManifestAsStoredAndAnswers404ForUnknownVersions() {
    String name = uniqueName("manifest");
    registerIris(name, 0.93);

    var manifest = http().get().uri("/api/v1/models/{n}/versions/1/manifest", name).retrieve().toEntity(String.class);

    assertThat(manifest.getStatusCode().value()).isEqualTo(200);
    assertThat(manifest.getBody()).contains("\"task\" : \"multiclass\"", "\"kind\" : \"torchscript\"",
        "\"accuracy\" : 0.93");
    assertProblem(http().get().uri("/api/v1/models/{n}/versions/2/artifact", name).retrieve().toEntity(String.class),
        404, "has no version 2");
    assertProblem(http().get().uri("/api/v1/models/nope-{n}/versions/1/manifest", name).retrieve().toEntity(String.class),
        404, "does not exist");
  }
}
