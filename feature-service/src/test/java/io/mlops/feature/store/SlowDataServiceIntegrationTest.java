package io.mlops.feature.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.mlops.feature.store.FixtureDataService.Pacing;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;
import org.springframework.http.ResponseEntity;
import tools.jackson.databind.JsonNode;

/**
 * The data-service read timeout is an idle timeout: a CSV that keeps arriving, slowly, for longer
 * than the timeout is read to the end (fit and materialization), while one that stalls for longer
 * than the timeout fails its job with the timeout, leaving the previous materialization in place.
 */
class SlowDataServiceIntegrationTest extends FeatureStoreTestSupport {

    @Test
    void aSlowStreamLongerThanTheReadTimeoutCompletesAndAStallLongerThanItFailsTheJob() {
        DATA.add("iris-slow", FixtureDataService.IRIS, FixtureDataService.resource("iris.csv"));
        // 4.5 kB in 1 kB writes, 1 s apart: each pass over the CSV takes ~4 s, each silence 1 s (timeout 3 s)
        DATA.pace("iris-slow", new Pacing(1024, SLOW_READ_TIMEOUT.toMillis() / 3));
        JsonNode created = createMaterialized("""
                {"name":"iris-slow","dataset":"iris-slow","datasetVersion":1,"entityColumns":["id"],
                 "features":[{"name":"sepal_length","column":"sepal_length","transformations":[{"type":"standardize"}]}]}""");
        JsonNode job = get(created.get("materialization").asString());
        assertThat(job.get("rowsDone").asLong()).isEqualTo(150);
        Duration took = Duration.between(Instant.parse(job.get("startedAt").asString()), Instant.parse(job.get("finishedAt").asString()));
        assertThat(took).as("the job's download outlasted the read timeout").isGreaterThan(SLOW_READ_TIMEOUT);
        String table = created.get("version").get("offlineTable").asString();

        // now the data-service sends 1 kB and then falls silent for twice the timeout
        DATA.pace("iris-slow", new Pacing(1024, SLOW_READ_TIMEOUT.toMillis() * 2));
        ResponseEntity<String> again = post("/api/v1/feature-sets/iris-slow/versions/1/materializations", "");
        assertThat(again.getStatusCode().value()).as(again.getBody()).isEqualTo(202);
        String jobPath = again.getHeaders().getLocation().toString();
        await().atMost(WAIT).untilAsserted(() -> assertThat(get(jobPath).get("state").asString()).isEqualTo("FAILED"));
        JsonNode failed = get(jobPath);
        assertThat(failed.get("error").asString()).containsIgnoringCase("timed out");
        assertThat(failed.get("rowsDone").asLong()).isLessThan(150);
        // the failed run rolled back: the first run's rows and online values are still served
        assertThat(jdbc.sql("SELECT count(*) FROM " + table).query(Long.class).single()).isEqualTo(150);
        JsonNode online = JSON.readTree(post("/api/v1/feature-sets/iris-slow/online", "{\"entities\":[1,150],\"version\":1}").getBody());
        assertThat(online.get("results").get(1).has("features")).isTrue();

        DATA.pace("iris-slow", Pacing.FAST);
        ResponseEntity<String> recovered = post("/api/v1/feature-sets/iris-slow/versions/1/materializations", "");
        awaitSucceeded(recovered.getHeaders().getLocation().toString());
    }

    @Test
    void trainingDataKeepsAnsweringTheOldRowsWhileAVersionIsRematerialized() throws Exception {
        DATA.add("iris-reread", FixtureDataService.IRIS, FixtureDataService.resource("iris.csv"));
        createMaterialized("""
                {"name":"iris-reread","dataset":"iris-reread","datasetVersion":1,"entityColumns":["id"],
                 "features":[{"name":"sepal_length","column":"sepal_length"}]}""");
        String path = "/api/v1/feature-sets/iris-reread/versions/1/training-data?format=csv";
        String before = http().get().uri(path).retrieve().body(String.class);

        // ~9 s to stream the CSV again (0.5 kB a second): the job holds its transaction open that long
        DATA.pace("iris-reread", new Pacing(512, 1000));
        int reads = DATA.contentRequests("iris-reread");
        ResponseEntity<String> again = post("/api/v1/feature-sets/iris-reread/versions/1/materializations", "");
        assertThat(again.getStatusCode().value()).as(again.getBody()).isEqualTo(202);
        String jobPath = again.getHeaders().getLocation().toString();
        await().atMost(WAIT).until(() -> DATA.contentRequests("iris-reread") > reads);

        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            CompletableFuture<ResponseEntity<String>> during = CompletableFuture.supplyAsync(
                    () -> http().get().uri(path).retrieve().toEntity(String.class), threads);
            await().atMost(Duration.ofSeconds(5)).until(during::isDone);
            assertThat(get(jobPath).get("state").asString()).as("read while the job ran").isEqualTo("RUNNING");
            assertThat(during.get().getStatusCode().value()).isEqualTo(200);
            assertThat(during.get().getBody()).isEqualTo(before);
        }
        DATA.pace("iris-reread", Pacing.FAST);
        awaitSucceeded(jobPath);
    }
}
