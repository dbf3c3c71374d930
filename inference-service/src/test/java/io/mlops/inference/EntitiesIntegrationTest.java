package io.mlops.inference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.mlops.inference.testing.Models;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * {@code entities}: features fetched from the online API of the feature set in the model's lineage
 * (TestFeatureStore, a real HTTP server with the feature-service's contract; the end-to-end test uses the
 * real feature-service). Expected numbers: PyTorch's logits for iris (iris_mlp_expected.csv), softmaxed.
 */
class EntitiesIntegrationTest extends InferenceTestBase {

    private static final List<double[]> EXPECTED = Models.csv("iris_mlp_expected.csv", 4, 3);

    @Test
    void entitiesAreAnsweredFromTheOnlineFeatures() {
        List<String> entities = IntStream.rangeClosed(1, 150).mapToObj(Integer::toString).toList();
        var response = post("/api/v1/models/iris-online/versions/1/predict", Map.of("entities", entities));
        assertThat(response.getStatusCode().value()).isEqualTo(200);
        var predictions = list(response.getBody().get("predictions"));
        assertThat(predictions).hasSize(150);
        for (int r = 0; r < 150; r++) {
            double[] p = Models.softmax(EXPECTED.get(r));
            @SuppressWarnings("unchecked")
            var probabilities = (Map<String, Number>) predictions.get(r).get("probabilities");
            for (int c = 0; c < 3; c++) {
                assertThat(probabilities.get(Models.IRIS_CLASSES.get(c)).doubleValue()).as("entity %d", r + 1)
                        .isCloseTo(p[c], within(1e-4));
            }
        }
    }

    @Test
    void aMissingEntityIs422NamingIt() {
        var response = post("/api/v1/models/iris-online/versions/1/predict", Map.of("entities", List.of("3", "999")));
        assertThat(response.getStatusCode().value()).isEqualTo(422);
        assertThat(response.getBody()).containsEntry("field", "entities[1]").containsEntry("entity", "999");
        assertThat((String) response.getBody().get("detail")).contains("999");
    }

    @Test
    void aSlowOrBrokenFeatureServiceIs503QuicklyWhileInstancesKeepWorking() {
        for (String model : List.of("iris-slow-features", "iris-broken-features")) {
            long start = System.nanoTime();
            var response = post("/api/v1/models/" + model + "/versions/1/predict", Map.of("entities", List.of("1")));
            long millis = (System.nanoTime() - start) / 1_000_000;
            assertThat(response.getStatusCode().value()).as(model).isEqualTo(503);
            assertThat(response.getHeaders().getFirst("Retry-After")).isNotNull();
            assertThat(response.getBody()).containsEntry("field", "entities");
            // The stall lasts 5 s; the 200 ms timeout bounds connect and read, so far less (slack for a loaded box).
            assertThat(millis).as(model).isLessThan(2_500);

            var instances = post("/api/v1/models/" + model + "/versions/1/predict", Map.of("instances", List.of(
                    Map.of("sepal_length", 5.1, "sepal_width", 3.5, "petal_length", 1.4, "petal_width", 0.2))));
            assertThat(instances.getStatusCode().value()).isEqualTo(200);
            assertThat(list(instances.getBody().get("predictions")).getFirst()).containsEntry("label", "setosa");
        }
    }
}
