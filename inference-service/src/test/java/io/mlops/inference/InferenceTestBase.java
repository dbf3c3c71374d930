package io.mlops.inference;

import io.mlops.inference.testing.SharedRegistry;
import io.mlops.inference.testing.TestFeatureStore;
import io.mlops.testsupport.RealInfrastructure;
import java.util.List;
import java.util.Map;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.client.RestClient;

/**
 * The inference service against real Kafka and the test registry; subclasses share one context.
 * digits-tiny has one worker, batches of one row and a queue of one request, to overload it on purpose.
 * The queue deadline is 30 s here instead of 2 s: tests that send thousands of requests (traffic splits) were seen
 * to get a 503 on a CI box loaded far beyond its 2 cores; the deadline's own test uses digits-late (0 ms).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "mlops.http.max-request-size=256KB",
        "mlops.inference.instance-id=test-base",
        "mlops.inference.request-timeout=30s",
        "mlops.inference.models.digits-tiny.queue-capacity=1",
        "mlops.inference.models.digits-tiny.workers=1",
        "mlops.inference.models.digits-tiny.max-batch-size=1",
        "mlops.inference.models.digits-unbatched.max-batch-size=1",
        "mlops.inference.models.digits-late.request-timeout=0ms",
        "mlops.inference.models.digits-late.workers=1"})
@RealInfrastructure(postgres = false)
public abstract class InferenceTestBase {

    @LocalServerPort
    protected int port;

    @DynamicPropertySource
    static void registry(DynamicPropertyRegistry properties) {
        properties.add("mlops.inference.registry-url", () -> SharedRegistry.get().url());
        properties.add("mlops.inference.feature-service-url", () -> TestFeatureStore.get().url());
    }

    protected RestClient http() {
        return RestClient.builder().baseUrl("http://localhost:" + port)
                .defaultStatusHandler(HttpStatusCode::isError, (request, response) -> { })
                .build();
    }

    @SuppressWarnings("unchecked")
    protected ResponseEntity<Map<String, Object>> post(String path, Object body) {
        return (ResponseEntity<Map<String, Object>>) (ResponseEntity<?>) http().post().uri(path)
                .contentType(MediaType.APPLICATION_JSON).body(body).retrieve().toEntity(Map.class);
    }

    @SuppressWarnings("unchecked")
    protected ResponseEntity<Map<String, Object>> get(String path) {
        return (ResponseEntity<Map<String, Object>>) (ResponseEntity<?>) http().get().uri(path).retrieve().toEntity(Map.class);
    }

    @SuppressWarnings("unchecked")
    protected static List<Map<String, Object>> list(Object value) {
        return (List<Map<String, Object>>) value;
    }
}
