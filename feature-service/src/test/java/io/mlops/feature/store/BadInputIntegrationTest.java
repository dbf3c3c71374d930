package io.mlops.feature.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.mlops.feature.store.FixtureDataService.Pacing;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;
import org.springframework.http.ResponseEntity;
import tools.jackson.databind.JsonNode;

/** Definitions the data cannot support answer 422 saying what and where, and create nothing. */
class BadInputIntegrationTest extends FeatureStoreTestSupport {

    private static String set(String name, String dataset, String entity, String eventTime, String features) {
        return """
                {"name":"%s","dataset":"%s","datasetVersion":1,"entityColumns":["%s"],%s"features":%s}"""
                .formatted(name, dataset, entity, eventTime == null ? "" : "\"eventTimeColumn\":\"" + eventTime + "\",", features);
    }

    private JsonNode rejected(String name, String json) {
        ResponseEntity<String> response = post("/api/v1/feature-sets", json);
        assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(422);
        assertThat(response.getHeaders().getContentType().toString()).isEqualTo("application/problem+json");
        assertThat(http().get().uri("/api/v1/feature-sets/" + name).retrieve().toBodilessEntity().getStatusCode().value())
                .isEqualTo(404);
        return JSON.readTree(response.getBody());
    }

    @Test
    void aFeatureOnAnUnknownColumnIsRefusedNamingTheFeatureAndColumn() {
        JsonNode problem = rejected("bad-column", set("bad-column", "seattle-weather", "date", null,
                "[{\"name\":\"humidity\",\"column\":\"humidity\",\"transformations\":[{\"type\":\"standardize\"}]}]"));
        assertThat(problem.get("problem").asString()).isEqualTo("ColumnNotFound");
        assertThat(problem.get("feature").asString()).isEqualTo("humidity");
        assertThat(problem.get("column").asString()).isEqualTo("humidity");
    }

    @Test
    void standardizeOnTextIsRefusedAtTheFirstRow() {
        JsonNode problem = rejected("bad-type", set("bad-type", "seattle-weather", "date", null,
                "[{\"name\":\"w\",\"column\":\"weather\",\"transformations\":[{\"type\":\"standardize\"}]}]"));
        assertThat(problem.get("problem").asString()).isEqualTo("TransformationNotApplicable");
        assertThat(problem.get("column").asString()).isEqualTo("weather");
        assertThat(problem.get("row").asLong()).isEqualTo(1);   // 'drizzle', the first data row
    }

    @Test
    void standardizeOnAConstantColumnIsZeroVariance() {
        JsonNode problem = rejected("bad-variance", set("bad-variance", "constant", "id", null,
                "[{\"name\":\"x\",\"column\":\"x\",\"transformations\":[{\"type\":\"standardize\"}]}]"));
        assertThat(problem.get("problem").asString()).isEqualTo("ZeroVariance");
        assertThat(problem.get("feature").asString()).isEqualTo("x");
    }

    @Test
    void anEmptyDatasetVersionHasNothingToFit() {
        JsonNode problem = rejected("bad-empty", set("bad-empty", "empty", "id", null,
                "[{\"name\":\"x\",\"column\":\"x\",\"transformations\":[{\"type\":\"standardize\"}]}]"));
        assertThat(problem.get("type").asString()).isEqualTo("urn:mlops:problem:empty-dataset-version");
        assertThat(problem.get("dataset").asString()).isEqualTo("empty");
    }

    @Test
    void duplicateEntityKeysWithoutAnEventTimeAreRefusedAtTheFirstRepeat() {
        JsonNode problem = rejected("bad-duplicates", set("bad-duplicates", "seattle-weather", "weather", null,
                "[{\"name\":\"t\",\"column\":\"temp_min\",\"transformations\":[{\"type\":\"standardize\"}]}]"));
        assertThat(problem.get("type").asString()).isEqualTo("urn:mlops:problem:duplicate-entity-key");
        // rows 2 and 3 of the CSV are both 'rain'
        assertThat(problem.get("entity").asString()).isEqualTo("rain");
        assertThat(problem.get("row").asLong()).isEqualTo(3);
    }

    @Test
    void entityAndEventTimeColumnsMustExistAndFitTheirRole() {
        String features = "[{\"name\":\"t\",\"column\":\"temp_min\"}]";
        JsonNode missing = rejected("bad-entity", set("bad-entity", "seattle-weather", "station", null, features));
        assertThat(missing.get("column").asString()).isEqualTo("station");
        assertThat(missing.get("role").asString()).isEqualTo("entity");
        JsonNode notTime = rejected("bad-time", set("bad-time", "seattle-weather", "weather", "wind", features));
        assertThat(notTime.get("column").asString()).isEqualTo("wind");
        assertThat(notTime.get("type").asString()).isEqualTo("urn:mlops:problem:column-type-unsuitable");
    }

    @Test
    void unknownDatasetsTransformationsAndChainOrdersAreRefused() {
        String features = "[{\"name\":\"t\",\"column\":\"temp_min\"}]";
        JsonNode noDataset = rejected("bad-dataset", set("bad-dataset", "no-such-dataset", "id", null, features));
        assertThat(noDataset.get("dataset").asString()).isEqualTo("no-such-dataset");
        JsonNode unknownType = rejected("bad-step", set("bad-step", "seattle-weather", "date", null,
                "[{\"name\":\"t\",\"column\":\"temp_min\",\"transformations\":[{\"type\":\"sqrt\"}]}]"));
        assertThat(unknownType.get("field").asString()).isEqualTo("features[0]");
        JsonNode order = rejected("bad-order", set("bad-order", "seattle-weather", "date", null,
                "[{\"name\":\"w\",\"column\":\"weather\",\"transformations\":[{\"type\":\"one_hot\"},{\"type\":\"standardize\"}]}]"));
        assertThat(order.get("problem").asString()).isEqualTo("FeatureDefinitionInvalid");
        assertThat(order.get("feature").asString()).isEqualTo("w");
    }

    @Test
    void aTtlThatRedisOrTheStoredSecondsCannotHoldIsRefusedNamingTheField() {
        // Redis refuses SET ... PX 0 or negative; the TTL is stored in whole seconds, so PT0.5S would read back as 0
        for (String ttl : new String[] {"PT0S", "-P1D", "PT0.5S", "PT1.5S", "P36501D"}) {
            JsonNode problem = rejected("bad-ttl", """
                    {"name":"bad-ttl","dataset":"iris","datasetVersion":1,"entityColumns":["id"],"ttl":"%s",
                     "features":[{"name":"x","column":"sepal_length"}]}""".formatted(ttl));
            assertThat(problem.get("field").asString()).as(ttl).isEqualTo("ttl");
        }
    }

    @Test
    void twoCreatesOfOneNameAtOnceAnswer201And409() {
        DATA.add("iris-twice", FixtureDataService.IRIS, FixtureDataService.resource("iris.csv"));
        // ~2 s per pass over the CSV: both requests are past the name check before either stores the set
        DATA.pace("iris-twice", new Pacing(1024, 500));
        String body = """
                {"name":"iris-twice","dataset":"iris-twice","datasetVersion":1,"entityColumns":["id"],
                 "features":[{"name":"x","column":"sepal_length","transformations":[{"type":"standardize"}]}]}""";
        List<ResponseEntity<String>> answers;
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            List<CompletableFuture<ResponseEntity<String>>> creates = List.of(
                    CompletableFuture.supplyAsync(() -> post("/api/v1/feature-sets", body), threads),
                    CompletableFuture.supplyAsync(() -> post("/api/v1/feature-sets", body), threads));
            answers = creates.stream().map(CompletableFuture::join).toList();
        }
        assertThat(answers).extracting(r -> r.getStatusCode().value()).as(answers.toString()).containsExactlyInAnyOrder(201, 409);
        ResponseEntity<String> conflict = answers.stream().filter(r -> r.getStatusCode().value() == 409).findFirst().orElseThrow();
        assertThat(JSON.readTree(conflict.getBody()).get("type").asString()).isEqualTo("urn:mlops:problem:feature-set-already-exists");
        DATA.pace("iris-twice", Pacing.FAST);
    }

    @Test
    void lookupsOfUnknownSetsAre404AndAnUnknownFormatIs400() {
        assertThat(post("/api/v1/feature-sets/nothing-here/online", "{\"entities\":[\"a\"]}").getStatusCode().value()).isEqualTo(404);
        ResponseEntity<String> malformed = post("/api/v1/feature-sets/nothing-here/online", "{\"entities\":[\"a\"");
        assertThat(malformed.getStatusCode().value()).isEqualTo(400);
        assertThat(malformed.getBody()).contains("request body is not readable");
        assertThat(post("/api/v1/feature-sets/nothing-here/online", "{\"entities\":\"a\"}").getBody()).contains("\\\"entities\\\" must be an array");
        assertThat(http().get().uri("/api/v1/feature-sets/nothing-here/versions/1/training-data?format=xml")
                .retrieve().toBodilessEntity().getStatusCode().value()).isEqualTo(400);
    }
}
