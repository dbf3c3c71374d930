package io.mlops.inference.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.mlops.domain.id.ModelVersionRef;
import io.mlops.domain.id.PredictionId;
import io.mlops.domain.prediction.PredictionResult;
import io.mlops.inference.InferenceTestBase;
import io.mlops.inference.testing.Models;
import io.mlops.runtime.artifact.OutputSpec;
import io.mlops.domain.model.Task;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@link PredictResponseWriter} writes the bytes Jackson databind wrote for the predict answer before it existed.
 * "Before" is reproduced exactly: the service's own mapper writing a record with the same components as
 * {@code PredictResponse} (databind serializes records by their components, so this is the old code path).
 */
class PredictAnswerJsonIntegrationTest extends InferenceTestBase {

    /** The answer as databind writes it: same components, same order, no custom serializer. */
    record DatabindAnswer(String model, int version, String alias, List<PredictionResult> predictions) {
    }

    private static final List<double[]> DIGITS = Models.csv("digits_first200_inputs.csv", 0, 64);

    @Autowired
    private JsonMapper mapper;

    @Test
    void regressionBinaryAndMulticlassAnswersAreTheBytesDatabindWrote() {
        var ref = new ModelVersionRef("m-ü \"quoted\"", 7);
        float[] values = {0.1f, -3.25f, 1e-30f, 123456.79f, Float.NaN, Float.POSITIVE_INFINITY, 0f, -0f};
        var labels = List.of("a", "b", "c", "d");
        List<PredictionResult> results = new ArrayList<>();
        for (int row = 0; row < values.length; row++) {
            results.add(result(ref, Outcomes.of(new OutputSpec(Task.REGRESSION, null, "y"), values, row)));
            results.add(result(ref, Outcomes.of(new OutputSpec(Task.BINARY, List.of("no", "yes"), "y"), values, row)));
        }
        float[] logits = {0.5f, -1.25f, 20f, 3.1f, -0.0001f, 7f, 7f, 1e-8f};
        // Labels needing escapes: the compact probabilities write them pre-encoded, not through writeName(String).
        var escaped = List.of("ü \"q\"", "\t\u2028", "</x> \\", "\u0001é");
        for (int row = 0; row < 2; row++) {
            results.add(result(ref, Outcomes.of(new OutputSpec(Task.MULTICLASS, labels, "y"), logits, row)));
            results.add(result(ref, Outcomes.of(new OutputSpec(Task.MULTICLASS, escaped, "y"), logits, row)));
            results.add(result(ref, Outcomes.of(new OutputSpec(Task.BINARY, escaped.subList(0, 2), "y"), logits, row)));
        }
        Map<String, Double> odd = new LinkedHashMap<>();
        odd.put("z", 1.0);
        odd.put("\t\u2028", null);
        results.add(new PredictionResult(new PredictionId(UUID.randomUUID()), ref, null, null, odd));
        results.add(null);

        for (String alias : new String[] {null, "production", "ünï \\ \"c\""}) {
            assertSameBytes(new PredictController.PredictResponse(ref.model(), ref.version(), alias, results));
            assertSameBytes(new PredictController.PredictResponse(ref.model(), ref.version(), alias, results.subList(0, 1)));
            assertSameBytes(new PredictController.PredictResponse(ref.model(), ref.version(), alias, List.of()));
            assertSameBytes(new PredictController.PredictResponse(ref.model(), ref.version(), alias, null));
        }
    }

    @Test
    void theHttpAnswerIsWhatDatabindWritesForTheSameValues() {
        for (int rows : new int[] {1, 32}) {
            for (String path : new String[] {"/api/v1/models/digits/versions/1/predict", "/api/v1/models/iris/predict"}) {
                var answer = http().post().uri(path).contentType(MediaType.APPLICATION_JSON)
                        .body(Map.of("instances", path.contains("digits") ? digits(rows) : iris(rows)))
                        .retrieve().toEntity(String.class);
                String body = answer.getBody();
                // Even the 32-row digits answer (~12 KB, over Tomcat's default 8 KB buffer) leaves as one buffer with
                // its length rather than in chunks (PredictController sizes the buffer).
                assertThat(answer.getHeaders().getContentLength()).as(path + " " + rows)
                        .isEqualTo(body.getBytes(java.nio.charset.StandardCharsets.UTF_8).length);
                DatabindAnswer parsed = mapper.readValue(body, DatabindAnswer.class);
                assertThat(parsed.predictions()).hasSize(rows);
                assertThat(body).isEqualTo(mapper.writeValueAsString(parsed));
            }
        }
    }

    private void assertSameBytes(PredictController.PredictResponse response) {
        String databind = mapper.writeValueAsString(new DatabindAnswer(response.model(), response.version(),
                response.alias(), response.predictions()));
        assertThat(mapper.writeValueAsString(response)).isEqualTo(databind);
        assertThat(mapper.writeValueAsBytes(response)).isEqualTo(databind.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    private static PredictionResult result(ModelVersionRef ref, Outcomes.Outcome outcome) {
        return new PredictionResult(new PredictionId(UUID.randomUUID()), ref, outcome.value(), outcome.label(),
                outcome.probabilities());
    }

    private static List<Map<String, Object>> digits(int rows) {
        List<Map<String, Object>> instances = new ArrayList<>();
        for (int r = 0; r < rows; r++) {
            Map<String, Object> row = new LinkedHashMap<>();
            for (int c = 0; c < 64; c++) {
                row.put(Models.PIXELS.get(c), DIGITS.get(r)[c]);
            }
            instances.add(row);
        }
        return instances;
    }

    private static List<Map<String, Object>> iris(int rows) {
        List<Map<String, Object>> instances = new ArrayList<>();
        for (int r = 0; r < rows; r++) {
            Map<String, Object> row = new LinkedHashMap<>();
            for (int f = 0; f < 4; f++) {
                row.put(Models.IRIS_FEATURES.get(f), 1.0 + 0.37 * r + f);
            }
            instances.add(row);
        }
        return instances;
    }
}
