package io.mlops.model.registry;

import static org.assertj.core.api.Assertions.assertThat;

import io.mlops.domain.model.Task;
import io.mlops.runtime.artifact.InputSignature;
import io.mlops.runtime.artifact.ModelArchive;
import io.mlops.runtime.artifact.ModelManifest;
import io.mlops.runtime.artifact.OutputSpec;
import io.mlops.support.blob.BlobStoreProperties;
import io.mlops.testsupport.RealInfrastructure;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.client.RestClient;

/**
 * The full model-service against real Postgres and Kafka; every registry test class shares this one
 * context. Imports are capped at 64 KB here, so "oversized" needs no large file (iris_mlp.pt is 9 KB).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {"mlops.model.import.max-size=64KB", "mlops.blobs.root=target/test-blobs",
        // contexts of other test classes stay alive: only the training tests' context runs jobs
        "mlops.model.training.claim-jobs=false", "mlops.model.retraining.act-on-triggers=false"})
@RealInfrastructure
abstract class RegistryTestBase {

  static final List<String> IRIS_FEATURES = List.of("sepal_length", "sepal_width", "petal_length", "petal_width");
  static final List<String> IRIS_CLASSES = List.of("setosa", "versicolor", "virginica");

  @LocalServerPort
  int port;
  @Autowired
  ModelRegistry registry;
  @Autowired
  JdbcClient jdbc;
  @Autowired
  BlobStoreProperties blobProperties;

  @TempDir
  Path tmp;

  RestClient http() {
    return RestClient.builder().baseUrl("http://localhost:" + port)
        .defaultStatusHandler(HttpStatusCode::isError, (request, response) -> { })
        .build();
  }

  static String uniqueName(String prefix) {
    return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
  }

  /** A packed iris TorchScript archive; different metrics give different bytes, hence a different SHA-256. */
  Path irisArchive(Map<String, Double> metrics) {
    var manifest = ModelManifest.torchScript(InputSignature.ofNumbers(IRIS_FEATURES),
        new OutputSpec(Task.MULTICLASS, IRIS_CLASSES, "logits"), metrics, null);
    Path archive = tmp.resolve("iris-" + UUID.randomUUID() + ".zip");
    ModelArchive.write(manifest, resource("iris_mlp.pt"), archive);
    return archive;
  }

  Path resource(String name) {
    Path target = tmp.resolve("res-" + UUID.randomUUID()).resolve(name);
    try (InputStream in = getClass().getResourceAsStream("/models/" + name)) {
      Files.createDirectories(target.getParent());
      Files.copy(in, target);
      return target;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A zip with the given entries, each holding the given text. */
  Path zip(String name, Map<String, String> entries) {
    Path file = tmp.resolve(name);
    try (OutputStream out = Files.newOutputStream(file); ZipOutputStream zip = new ZipOutputStream(out)) {
      for (var entry : entries.entrySet()) {
        zip.putNextEntry(new ZipEntry(entry.getKey()));
        zip.write(entry.getValue().getBytes());
        zip.closeEntry();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return file;
  }

  ModelVersionView registerIris(String model, double accuracy) {
    return registry.register(RegisterVersion.trained(model, irisArchive(Map.of("accuracy", accuracy)), null, null, null,
        "trainer"));
  }

  /** Everything a refused request could leave behind. */
  record Snapshot(long models, long versions, long aliases, long history, long outbox, long blobs, long staged) {}

  Snapshot snapshot() {
    return new Snapshot(count("models"), count("model_versions"), count("model_aliases"), count("model_alias_history"),
        count("outbox_event"), files("sha256"), files("staging"));
  }

  long count(String table) {
    return jdbc.sql("SELECT count(*) FROM " + table).query(Long.class).single();
  }

  List<String> outboxPayloads(String type, String key) {
    return jdbc.sql("SELECT payload::text FROM outbox_event WHERE event_type = ? AND record_key = ? ORDER BY id")
        .params(type, key).query(String.class).list();
  }

  private long files(String folder) {
    Path dir = blobProperties.root().resolve(folder);
    if (!Files.isDirectory(dir)) {
      return 0;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      return paths.filter(Files::isRegularFile).count();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static void assertProblem(ResponseEntity<String> response, int status, String detailPart) {
    assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(status);
    assertThat(response.getHeaders().getContentType()).hasToString("application/problem+json");
    assertThat(response.getBody()).contains("\"status\":" + status).contains(detailPart);
  }
}
