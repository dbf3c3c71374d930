package io.mlops.feature.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.mlops.domain.feature.FeatureSpecJson;
import io.mlops.domain.feature.FittedFeatureSpec;
import io.mlops.testsupport.RealInfrastructure;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The whole feature-service against real Postgres, Redis and Kafka, reading datasets from
 * {@link FixtureDataService}. Every test class extends this, so they share one application context.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@RealInfrastructure(redis = true)
abstract class FeatureStoreTestSupport {

    static final FixtureDataService DATA = FixtureDataService.get();
    static final JsonMapper JSON = JsonMapper.builder().build();
    static final Duration WAIT = Duration.ofSeconds(60);
    static final Duration SLOW_READ_TIMEOUT = Duration.ofSeconds(3);

    @DynamicPropertySource
    static void dataService(DynamicPropertyRegistry registry) {
        registry.add("mlops.feature.data-service-url", DATA::baseUrl);
        // short enough that SlowDataServiceIntegrationTest streams past it and stalls beyond it
        registry.add("mlops.feature.data-service-read-timeout", () -> SLOW_READ_TIMEOUT.toMillis() + "ms");
        // JobOwnershipIntegrationTest waits for sweeps
        registry.add("mlops.feature.materialization.resume-interval", () -> "300ms");
    }

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    RestClient http() {
        return RestClient.builder().baseUrl("http://localhost:" + port)
                .defaultStatusHandler(HttpStatusCode::isError, (request, response) -> { })
                .build();
    }

    ResponseEntity<String> post(String path, String json) {
        return http().post().uri(path).contentType(MediaType.APPLICATION_JSON).body(json).retrieve().toEntity(String.class);
    }

    JsonNode get(String path) {
        ResponseEntity<String> response = http().get().uri(path).retrieve().toEntity(String.class);
        assertThat(response.getStatusCode().value()).as(path + ": " + response.getBody()).isEqualTo(200);
        return JSON.readTree(response.getBody());
    }

    /** Creates a set, waits for its first materialization to succeed, returns the creation answer. */
    JsonNode createMaterialized(String json) {
        ResponseEntity<String> created = post("/api/v1/feature-sets", json);
        assertThat(created.getStatusCode().value()).as(created.getBody()).isEqualTo(201);
        JsonNode body = JSON.readTree(created.getBody());
        awaitSucceeded(body.get("materialization").asString());
        return body;
    }

    JsonNode awaitSucceeded(String jobPath) {
        await().atMost(WAIT).untilAsserted(() ->
                assertThat(get(jobPath).get("state").asString()).as(get(jobPath).toString()).isIn("SUCCEEDED", "FAILED"));
        JsonNode job = get(jobPath);
        assertThat(job.get("state").asString()).as(job.toString()).isEqualTo("SUCCEEDED");
        return job;
    }

    static FittedFeatureSpec spec(JsonNode version) {
        return FeatureSpecJson.readFitted(version.get("fittedSpec").toString());
    }
}
