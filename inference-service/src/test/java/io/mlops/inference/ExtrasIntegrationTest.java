package io.mlops.inference;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.Device;
import io.micrometer.core.instrument.MeterRegistry;
import io.mlops.domain.id.ModelVersionRef;
import io.mlops.inference.serving.ModelRepository;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

/**
 * A second context with the optional parts on: the result cache, the bench's echo endpoint, and
 * {@code device=cpu} placing models on the CPU; and a model cache of 100 KB, which iris fits and digits
 * (about 350 KB) does not. (The shared context has them off; see {@link ResultCacheOffIntegrationTest}.)
 */
@TestPropertySource(properties = {
        "mlops.inference.result-cache.enabled=true",
        "mlops.inference.result-cache.ttl=1m",
        "mlops.inference.bench-endpoints=true",
        "mlops.inference.device=cpu",
        "mlops.inference.cache.max-bytes=100KB"})
class ExtrasIntegrationTest extends InferenceTestBase {

    static final Map<String, Object> SETOSA = Map.of("instances", List.of(
            Map.of("sepal_length", 5.1, "sepal_width", 3.5, "petal_length", 1.4, "petal_width", 0.2)));
    static final Map<String, Object> VIRGINICA = Map.of("instances", List.of(
            Map.of("sepal_length", 6.3, "sepal_width", 3.3, "petal_length", 6.0, "petal_width", 2.5)));

    @Autowired
    private MeterRegistry meters;
    @Autowired
    private ModelRepository models;

    static double count(MeterRegistry meters, String name, String... tags) {
        var counter = meters.find(name).tags(tags).counter();
        return counter == null ? 0 : counter.count();
    }

    static long batches(MeterRegistry meters, String model) {
        var summary = meters.find("mlops.inference.batch.size").tags("model", model, "version", "1").summary();
        return summary == null ? 0 : summary.count();
    }

    @Test
    void anIdenticalRequestIsAnsweredFromTheResultCache() {
        var first = post("/api/v1/models/iris/versions/1/predict", SETOSA).getBody();
        long batchesAfterFirst = batches(meters, "iris");
        double hits = count(meters, "mlops.inference.result.cache.hits");
        double misses = count(meters, "mlops.inference.result.cache.misses");

        var second = post("/api/v1/models/iris/versions/1/predict", SETOSA).getBody();
        assertThat(count(meters, "mlops.inference.result.cache.hits")).isEqualTo(hits + 1);
        assertThat(batches(meters, "iris")).as("no batch ran for the hit").isEqualTo(batchesAfterFirst);
        var p1 = list(first.get("predictions")).getFirst();
        var p2 = list(second.get("predictions")).getFirst();
        assertThat(p2.get("probabilities")).isEqualTo(p1.get("probabilities"));
        assertThat(p2.get("id")).as("each answer still gets its own prediction id").isNotEqualTo(p1.get("id"));

        post("/api/v1/models/iris/versions/1/predict", VIRGINICA);
        assertThat(count(meters, "mlops.inference.result.cache.misses")).isEqualTo(misses + 1);
        assertThat(batches(meters, "iris")).isEqualTo(batchesAfterFirst + 1);
    }

    @Test
    void theEchoEndpointParsesThePredictBody() {
        var response = post("/api/v1/echo", Map.of("instances", List.of(Map.of("a", 1), Map.of("a", 2))));
        assertThat(response.getStatusCode().value()).isEqualTo(200);
        assertThat(response.getBody()).containsEntry("rows", 2);
        assertThat(post("/api/v1/echo", "{\"instances\": [").getStatusCode().value()).isEqualTo(400);
    }

    @Test
    void deviceCpuLoadsTheModelOnTheCpu() {
        post("/api/v1/models/iris/versions/1/predict", SETOSA);
        try (var lease = models.acquire(new ModelVersionRef("iris", 1))) {
            assertThat(lease.model().device()).isEqualTo(Device.cpu());
        }
    }

    @Test
    void anArtifactOverTheCacheBoundIsRefusedCleanly() throws Exception {
        var response = post("/api/v1/models/digits/versions/1/predict", Map.of("instances", List.of(Map.of("p0", 1.0))));
        assertThat(response.getStatusCode().value()).isEqualTo(503);
        assertThat(response.getBody()).containsEntry("cause", "ArtifactTooLarge");
        assertThat((String) response.getBody().get("detail")).contains("digits@1").contains("102400");
        assertThat(models.isLoaded(new ModelVersionRef("digits", 1))).isFalse();
        // iris still loads and answers beside it.
        assertThat(post("/api/v1/models/iris/versions/1/predict", SETOSA).getStatusCode().value()).isEqualTo(200);
    }
}
