package io.mlops.model.training;

import static org.awaitility.Awaitility.await;

import io.mlops.testsupport.RealInfrastructure;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.client.RestClient;

/**
 * The full model-service against real Postgres and Kafka, reading training data from
 * {@link FixtureFeatureService}; every training test class shares this one context.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {"mlops.blobs.root=target/test-blobs", "mlops.model.training.poll-interval=200ms",
        "mlops.model.training.progress-interval=100ms", "mlops.model.training.stale-after=20s",
        "mlops.model.retraining.check-interval=200ms",
        // a stalled feature-service fails a job within seconds (TrainingDataStallIntegrationTest)
        "mlops.model.idle-timeout=5s"})
@RealInfrastructure
abstract class TrainingTestBase {

  static final FixtureFeatureService FEATURES;

  static {
    try {
      FEATURES = new FixtureFeatureService(FixtureFeatureService.IRIS, FixtureFeatureService.BREAST_CANCER,
          FixtureFeatureService.DIABETES, FixtureFeatureService.DIGITS, FixtureFeatureService.IRIS_LEAKY);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @DynamicPropertySource
  static void featureService(DynamicPropertyRegistry registry) {
    registry.add("mlops.model.feature-service-url", FEATURES::url);
    registry.add("mlops.model.data-service-url", FEATURES::url); // the fixture also serves the raw dataset rows
  }

  @LocalServerPort
  int port;
  @Autowired
  JdbcClient jdbc;
  @Autowired
  JobRows rows;
  @Autowired
  JobDispatcher dispatcher;

  RestClient http() {
    return RestClient.builder().baseUrl("http://localhost:" + port)
        .defaultStatusHandler(HttpStatusCode::isError, (request, response) -> { })
        .build();
  }

  static String uniqueName(String prefix) {
    return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
  }

  ResponseEntity<Map<String, Object>> submit(Map<String, Object> body) {
    return http().post().uri("/api/v1/training-jobs").contentType(MediaType.APPLICATION_JSON).body(body)
        .retrieve().toEntity(new ParameterizedTypeReference<>() {});
  }

  Map<String, Object> job(Object id) {
    return http().get().uri("/api/v1/training-jobs/{id}", id).retrieve()
        .body(new ParameterizedTypeReference<Map<String, Object>>() {});
  }

  /** Submits, expects 202, waits for an end state and returns the job. */
  Map<String, Object> train(Map<String, Object> body, Duration timeout) {
    ResponseEntity<Map<String, Object>> accepted = submit(body);
    if (accepted.getStatusCode().value() != 202) {
      throw new AssertionError("expected 202, got " + accepted.getStatusCode() + ": " + accepted.getBody());
    }
    Object id = accepted.getBody().get("id");
    await().atMost(timeout).pollInterval(Duration.ofMillis(100))
        .until(() -> JobState.valueOf((String) job(id).get("state")).finished());
    return job(id);
  }

  /** A request body with the usual parts; callers override entries. */
  static Map<String, Object> request(String model, FixtureFeatureService.Set set, String task, Map<String, Object> algorithm,
      Map<String, Object> optimizer) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("modelName", model);
    body.put("featureSet", set.name());
    body.put("featureSetVersion", 1);
    body.put("labelColumn", set.label());
    body.put("task", task);
    body.put("algorithm", algorithm);
    body.put("optimizer", optimizer);
    body.put("seed", 7);
    body.put("split", Map.of("type", "every-kth", "k", 5));
    return body;
  }

  long count(String table) {
    return jdbc.sql("SELECT count(*) FROM " + table).query(Long.class).single();
  }
}
