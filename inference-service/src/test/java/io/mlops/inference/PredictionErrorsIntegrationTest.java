package io.mlops.inference;

import static org.assertj.core.api.Assertions.assertThat;

import io.mlops.domain.id.ModelVersionRef;
import io.mlops.inference.serving.ModelRepository;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** Bad input and faults: ProblemDetail naming the field on /api, {"error": ...} on /v2. */
class PredictionErrorsIntegrationTest extends InferenceTestBase {

    @Autowired
    private ModelRepository models;

    private static Map<String, Object> iris(double a, double b, double c, double d) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("sepal_length", a);
        row.put("sepal_width", b);
        row.put("petal_length", c);
        row.put("petal_width", d);
        return row;
    }

    private ResponseEntity<Map<String, Object>> predictIris(Object instances) {
        return post("/api/v1/models/iris/versions/1/predict", Collections.singletonMap("instances", instances));
    }

    private static void assertProblem(ResponseEntity<Map<String, Object>> response, int status, String field) {
        assertThat(response.getStatusCode().value()).isEqualTo(status);
        assertThat(response.getHeaders().getContentType()).hasToString(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        assertThat(response.getBody()).containsEntry("status", status);
        if (field != null) {
            assertThat(response.getBody()).containsEntry("field", field);
        }
    }

    @Test
    void unknownModelVersionOrAliasIs404() {
        var noModel = post("/api/v1/models/nope/predict", Map.of("instances", List.of(iris(1, 1, 1, 1))));
        assertProblem(noModel, 404, null);
        assertThat(noModel.getBody()).containsEntry("alias", "production");
        assertProblem(post("/api/v1/models/iris/versions/9/predict", Map.of("instances", List.of(iris(1, 1, 1, 1)))), 404, null);
        assertProblem(post("/api/v1/models/iris@nope/predict", Map.of("instances", List.of(iris(1, 1, 1, 1)))), 404, null);
        var oip = get("/v2/models/nope");
        assertThat(oip.getStatusCode().value()).isEqualTo(404);
        assertThat(oip.getBody()).containsOnlyKeys("error");
        assertThat((String) oip.getBody().get("error")).contains("nope");
    }

    @Test
    void wrongMissingOrMistypedFeaturesAre422NamingTheField() {
        Map<String, Object> unknown = iris(5.1, 3.5, 1.4, 0.2);
        unknown.put("colour", 3);
        assertProblem(predictIris(List.of(iris(5.1, 3.5, 1.4, 0.2), unknown)), 422, "instances[1].colour");

        Map<String, Object> missing = iris(5.1, 3.5, 1.4, 0.2);
        missing.remove("petal_width");
        assertProblem(predictIris(List.of(missing)), 422, "instances[0].petal_width");

        Map<String, Object> text = iris(5.1, 3.5, 1.4, 0.2);
        text.put("sepal_width", "wide");
        assertProblem(predictIris(List.of(text)), 422, "instances[0].sepal_width");

        Map<String, Object> nullValue = iris(5.1, 3.5, 1.4, 0.2);
        nullValue.put("sepal_length", null);
        assertProblem(predictIris(List.of(nullValue)), 422, "instances[0].sepal_length");
    }

    @Test
    void infinityIsRefused() {
        // JSON has no NaN or Infinity literal (Jackson refuses them as 400); 1e400 overflows a double to Infinity.
        String body = "{\"instances\":[{\"sepal_length\":1e400,\"sepal_width\":3.5,\"petal_length\":1.4,\"petal_width\":0.2}]}";
        var response = post("/api/v1/models/iris/versions/1/predict", body);
        assertProblem(response, 422, "instances[0].sepal_length");
        String nan = "{\"instances\":[{\"sepal_length\":NaN,\"sepal_width\":3.5,\"petal_length\":1.4,\"petal_width\":0.2}]}";
        assertProblem(post("/api/v1/models/iris/versions/1/predict", nan), 400, null);
        // 1e39 is a finite double but no float: the model computes in float32
        String tooBig = "{\"instances\":[{\"sepal_length\":1e39,\"sepal_width\":3.5,\"petal_length\":1.4,\"petal_width\":0.2}]}";
        assertProblem(post("/api/v1/models/iris/versions/1/predict", tooBig), 422, "instances[0].sepal_length");
    }

    @Test
    void emptyMissingOrTooManyRowsAndEntitiesAreRefused() {
        assertProblem(predictIris(List.of()), 422, "instances");
        assertProblem(post("/api/v1/models/iris/versions/1/predict", Map.of()), 422, "instances");
        List<Map<String, Object>> rows = new ArrayList<>(Collections.nCopies(1001, iris(1, 2, 3, 4)));
        var tooMany = predictIris(rows);
        assertProblem(tooMany, 422, "instances");
        assertThat((String) tooMany.getBody().get("detail")).contains("1001").contains("1000");
        // iris's lineage names no feature set, so its entities cannot be looked up.
        assertProblem(post("/api/v1/models/iris/versions/1/predict", Map.of("entities", List.of("e1"))), 422, "entities");
        assertProblem(post("/api/v1/models/iris/versions/1/predict", Map.of("entities", List.of())), 422, "entities");
        assertProblem(post("/api/v1/models/iris/versions/1/predict",
                Map.of("entities", List.of("1"), "instances", List.of(iris(1, 2, 3, 4)))), 422, "instances");
    }

    @Test
    void aBodyOverTheLimitIs413() {
        String padding = "x".repeat(300 * 1024);
        var response = post("/api/v1/models/iris/versions/1/predict",
                "{\"instances\":[],\"requestKey\":\"" + padding + "\"}");
        assertProblem(response, 413, "body");
        var oip = post("/v2/models/iris/infer", "{\"id\":\"" + padding + "\"}");
        assertThat(oip.getStatusCode().value()).isEqualTo(413);
        assertThat(oip.getBody()).containsOnlyKeys("error");
    }

    @Test
    void aChunkedBodyOverTheLimitIs413InEachFormat() throws Exception {
        // No Content-Length: only service-support's counting filter can stop it (the old interceptor could not).
        byte[] body = ("{\"instances\":[],\"requestKey\":\"" + "x".repeat(300 * 1024) + "\"}").getBytes();
        var client = java.net.http.HttpClient.newHttpClient();
        for (String path : List.of("/api/v1/models/iris/versions/1/predict", "/v2/models/iris/infer")) {
            var request = java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://localhost:" + port + path))
                    .header("Content-Type", "application/json")
                    .POST(java.net.http.HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(body)))
                    .build();
            var response = client.send(request, java.net.http.HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(path).isEqualTo(413);
            if (path.startsWith("/v2")) {
                assertThat(response.body()).startsWith("{\"error\":").contains("262144");
            } else {
                assertThat(response.body()).contains("\"field\":\"body\"").contains("\"status\":413");
            }
        }
    }

    @Test
    void badOipTensorsAre400WithAnError() {
        var wrongWidth = post("/v2/models/iris/infer", Map.of("inputs", List.of(
                Map.of("name", "input", "shape", List.of(1, 3), "datatype", "FP32", "data", List.of(1, 2, 3)))));
        assertThat(wrongWidth.getStatusCode().value()).isEqualTo(400);
        assertThat((String) wrongWidth.getBody().get("error")).contains("input").contains("[1, 3]");

        var wrongCount = post("/v2/models/iris/infer", Map.of("inputs", List.of(
                Map.of("name", "input", "shape", List.of(2, 4), "datatype", "FP32", "data", List.of(1, 2, 3, 4)))));
        assertThat(wrongCount.getStatusCode().value()).isEqualTo(400);
        assertThat((String) wrongCount.getBody().get("error")).contains("needs 8 elements");

        var bytes = post("/v2/models/iris/infer", Map.of("inputs", List.of(
                Map.of("name", "input", "shape", List.of(1, 4), "datatype", "BYTES", "data", List.of("a", "b", "c", "d")))));
        assertThat(bytes.getStatusCode().value()).isEqualTo(400);
        assertThat((String) bytes.getBody().get("error")).contains("BYTES");

        var fraction = post("/v2/models/iris/infer", Map.of("inputs", List.of(
                Map.of("name", "input", "shape", List.of(1, 4), "datatype", "INT64", "data", List.of(1, 2.5, 3, 4)))));
        assertThat(fraction.getStatusCode().value()).isEqualTo(400);
        assertThat((String) fraction.getBody().get("error")).contains("input").contains("INT64 data holds a fraction: 2.5");

        var nullElement = post("/v2/models/iris/infer",
                "{\"inputs\":[{\"name\":\"input\",\"shape\":[1,4],\"datatype\":\"FP32\",\"data\":[[1,null,3,4]]}]}");
        assertThat(nullElement.getStatusCode().value()).isEqualTo(400);
        assertThat((String) nullElement.getBody().get("error")).contains("input").contains("holds null");

        var text = post("/v2/models/iris/infer",
                "{\"inputs\":[{\"data\":[1,\"two\",3,4],\"name\":\"input\",\"shape\":[1,4],\"datatype\":\"FP32\"}]}");
        assertThat(text.getStatusCode().value()).isEqualTo(400);
        assertThat((String) text.getBody().get("error")).contains("input").contains("FP32 data holds a non-number: two");

        var unknownColumn = post("/v2/models/iris/infer", Map.of("inputs", List.of(
                Map.of("name", "colour", "shape", List.of(1), "datatype", "FP32", "data", List.of(1)))));
        assertThat(unknownColumn.getStatusCode().value()).isEqualTo(422);
        assertThat((String) unknownColumn.getBody().get("error")).contains("inputs[0].colour");

        var empty = post("/v2/models/iris/infer", Map.of("inputs", List.of(
                Map.of("name", "input", "shape", List.of(0, 4), "datatype", "FP32", "data", List.of()))));
        assertThat(empty.getStatusCode().value()).isEqualTo(422);
        assertThat(empty.getBody()).containsOnlyKeys("error");
    }

    @Test
    void aRegistryOutageWhileResolvingAnAliasIs503WithRetryAfter() {
        // Was 500 (the generic advice): the registry's connection error or 5xx is an outage, as when loading a version.
        for (String model : List.of("registry-down", "registry-failing")) {
            var response = post("/api/v1/models/" + model + "/predict", Map.of("instances", List.of(iris(1, 1, 1, 1))));
            assertProblem(response, 503, null);
            assertThat(response.getBody()).containsEntry("model", model).containsEntry("alias", "production");
            assertThat(response.getHeaders().getFirst("Retry-After")).isNotBlank();

            var oip = post("/v2/models/" + model + "/infer", Map.of("inputs", List.of(
                    Map.of("name", "input", "shape", List.of(1, 4), "datatype", "FP32", "data", List.of(1, 2, 3, 4)))));
            assertThat(oip.getStatusCode().value()).isEqualTo(503);
            assertThat(oip.getBody()).containsOnlyKeys("error");
            assertThat((String) oip.getBody().get("error")).contains(model);
            assertThat(oip.getHeaders().getFirst("Retry-After")).isNotBlank();
        }
    }

    @Test
    void aWrongSha256RefusesToLoad() {
        var response = post("/api/v1/models/tampered/versions/1/predict", Map.of("instances", List.of(iris(1, 1, 1, 1))));
        assertProblem(response, 503, null);
        assertThat(response.getBody()).containsEntry("cause", "ArtifactChecksumMismatch");
        assertThat(models.isLoaded(new ModelVersionRef("tampered", 1))).isFalse();
    }

    @Test
    void theArtifactIsVerifiedAgainstTheRegistrysRecordNotTheDownloadHeader() {
        // "swapped": the download's X-Artifact-Sha256 matches the bytes, the version's record declares another SHA.
        var response = post("/api/v1/models/swapped/versions/1/predict", Map.of("instances", List.of(iris(1, 1, 1, 1))));
        assertProblem(response, 503, null);
        assertThat(response.getBody()).containsEntry("cause", "ArtifactChecksumMismatch");
        assertThat(models.isLoaded(new ModelVersionRef("swapped", 1))).isFalse();
    }

    @Test
    void aFullQueueAnswers429WithRetryAfter() throws Exception {
        // digits-tiny: one worker, one row per batch, one queued request; 64 clients of 64 rows each overload it
        List<List<Double>> rows = new ArrayList<>();
        for (int r = 0; r < 64; r++) {
            rows.add(Collections.nCopies(64, (double) (r % 17)));
        }
        Map<String, Object> body = Map.of("inputs", List.of(Map.of("name", "input", "shape", List.of(64, 64),
                "datatype", "FP32", "data", rows)));
        assertThat(post("/v2/models/digits-tiny/versions/1/infer", body).getStatusCode().value()).isEqualTo(200);
        Map<Integer, Integer> statuses = new HashMap<>();
        List<String> retryAfter = new ArrayList<>();
        try (ExecutorService clients = Executors.newFixedThreadPool(64)) {
            List<Future<ResponseEntity<Map<String, Object>>>> answers = new ArrayList<>();
            for (int i = 0; i < 128; i++) {
                answers.add(clients.submit(() -> post("/v2/models/digits-tiny/versions/1/infer", body)));
            }
            for (var answer : answers) {
                var response = answer.get();
                statuses.merge(response.getStatusCode().value(), 1, Integer::sum);
                if (response.getStatusCode().value() == 429) {
                    retryAfter.add(response.getHeaders().getFirst("Retry-After"));
                    assertThat(response.getBody()).containsOnlyKeys("error");
                }
            }
        }
        assertThat(statuses.keySet()).containsOnly(200, 429);
        assertThat(statuses.get(429)).isPositive();
        assertThat(statuses.get(200)).isPositive();
        assertThat(retryAfter).allSatisfy(value -> assertThat(Long.parseLong(value)).isPositive());
    }

    @Test
    void aRequestPastItsDeadlineAnswers503() throws Exception {
        // digits-late: one predictor and a queue deadline of 0 ms. A request that finds the predictor idle runs at
        // once on its own thread and answers; every request that had to queue behind it is late and never computed.
        List<Double> row = Collections.nCopies(64, 1.0);
        Map<String, Object> body = Map.of("instances", Collections.nCopies(64, pixels(row)));
        Map<Integer, Integer> statuses = new HashMap<>();
        List<ResponseEntity<Map<String, Object>>> late = new ArrayList<>();
        try (ExecutorService clients = Executors.newFixedThreadPool(32)) {
            List<Future<ResponseEntity<Map<String, Object>>>> answers = new ArrayList<>();
            for (int i = 0; i < 128; i++) {
                answers.add(clients.submit(() -> post("/api/v1/models/digits-late/versions/1/predict", body)));
            }
            for (var answer : answers) {
                var response = answer.get();
                statuses.merge(response.getStatusCode().value(), 1, Integer::sum);
                if (response.getStatusCode().value() == 503) {
                    late.add(response);
                }
            }
        }
        assertThat(statuses.keySet()).containsOnly(200, 503);
        assertThat(late).isNotEmpty().allSatisfy(response -> {
            assertProblem(response, 503, null);
            assertThat(response.getHeaders().getFirst("Retry-After")).isEqualTo("1");
            assertThat((String) response.getBody().get("detail")).contains("deadline");
        });
    }

    private static Map<String, Object> pixels(List<Double> values) {
        Map<String, Object> row = new LinkedHashMap<>();
        for (int i = 0; i < values.size(); i++) {
            row.put("p" + i, values.get(i));
        }
        return row;
    }
}
