package io.mlops.feature.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.MeterRegistry;
import io.mlops.domain.data.DataFormat;
import io.mlops.domain.id.DatasetId;
import io.mlops.domain.id.DatasetVersionRef;
import io.mlops.events.DataIngested;
import io.mlops.events.EventEnvelope;
import io.mlops.events.Topics;
import io.mlops.feature.store.FixtureDataService.Pacing;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.ResponseEntity;
import org.springframework.kafka.core.KafkaTemplate;
import tools.jackson.databind.JsonNode;

/**
 * DataIngested for a dataset refits and materializes the sets that follow its latest version, and
 * only those, once per event however often it is delivered.
 */
class FollowLatestIntegrationTest extends FeatureStoreTestSupport {

    @Autowired
    KafkaTemplate<Object, Object> kafka;

    @Autowired
    MeterRegistry meters;

    @Test
    void aNewDatasetVersionGivesFollowingSetsANewMaterializedVersion() {
        byte[] full = FixtureDataService.resource("iris.csv");
        DATA.add("iris-live", FixtureDataService.IRIS, full);
        JsonNode first = createMaterialized("""
                {"name":"iris-follow","dataset":"iris-live","entityColumns":["id"],"labelColumns":["species"],
                 "features":[{"name":"petal_length","column":"petal_length","transformations":[{"type":"standardize"}]}]}""");
        assertThat(first.get("version").get("datasetVersion").asInt()).isEqualTo(1);
        createMaterialized("""
                {"name":"iris-pinned","dataset":"iris-live","datasetVersion":1,"entityColumns":["id"],
                 "features":[{"name":"petal_length","column":"petal_length","transformations":[{"type":"standardize"}]}]}""");

        // version 2: the first 100 rows only (setosa and versicolor)
        String firstHundred = new String(full, StandardCharsets.UTF_8).lines().limit(101).collect(Collectors.joining("\n", "", "\n"));
        byte[] smaller = firstHundred.getBytes(StandardCharsets.UTF_8);
        int v2 = DATA.add("iris-live", FixtureDataService.IRIS, smaller);
        var envelope = EventEnvelope.wrap("data-service", new DataIngested(DatasetId.random(), new DatasetVersionRef("iris-live", v2),
                DataFormat.CSV, FixtureDataService.IRIS, 100, smaller.length, "not-checked"), Clock.systemUTC());
        // delivered twice (an outbox resend): the second delivery must not refit again
        kafka.send(Topics.DATA_INGESTED, envelope.key(), envelope);
        kafka.send(Topics.DATA_INGESTED, envelope.key(), envelope);

        await().atMost(WAIT).untilAsserted(() -> {
            assertThat(meters.find("mlops.events.duplicates").tag("consumer", "feature-service.follow-latest").counters())
                    .as("the second delivery was consumed").anySatisfy(c -> assertThat(c.count()).isGreaterThanOrEqualTo(1));
            JsonNode versions = get("/api/v1/feature-sets/iris-follow").get("versions");
            assertThat(versions.size()).isEqualTo(2);
            assertThat(versions.get(1).get("datasetVersion").asInt()).isEqualTo(v2);
            JsonNode jobs = get("/api/v1/feature-sets/iris-follow/versions/2/materializations");
            assertThat(jobs.get(0).get("state").asString()).isEqualTo("SUCCEEDED");
            assertThat(jobs.get(0).get("rowsDone").asLong()).isEqualTo(100);
        });
        assertThat(get("/api/v1/feature-sets/iris-pinned").get("versions").size()).isEqualTo(1);
        // exactly one refit, recorded with the event, and exactly one job for the new version
        assertThat(get("/api/v1/feature-sets/iris-follow").get("versions").size()).isEqualTo(2);
        assertThat(get("/api/v1/feature-sets/iris-follow/versions/2/materializations").size()).isEqualTo(1);
        assertThat(jdbc.sql("SELECT state || ' ' || version FROM refit_request WHERE event_id = ?").param(envelope.eventId())
                .query(String.class).list()).containsExactly("DONE 2");

        // lookups default to the newest materialized version: id 150 is not in version 2
        JsonNode online = JSON.readTree(post("/api/v1/feature-sets/iris-follow/online", "{\"entities\":[100,150]}").getBody());
        assertThat(online.get("version").asInt()).isEqualTo(2);
        assertThat(online.get("results").get(0).has("features")).isTrue();
        assertThat(online.get("results").get(1).get("missing").asBoolean()).isTrue();
        // version 2 refitted its mean on its own 100 rows, so it differs from version 1's
        double meanV1 = first.get("version").at("/fittedSpec/features/0/transformations/0/mean").asDouble();
        double meanV2 = get("/api/v1/feature-sets/iris-follow/versions/2").at("/fittedSpec/features/0/transformations/0/mean").asDouble();
        assertThat(meanV2).isNotEqualTo(meanV1);
    }

    @Test
    void aRefitThatFindsTheDataServiceUnavailableIsRetriedUntilItGoesThrough() {
        byte[] full = FixtureDataService.resource("iris.csv");
        DATA.add("iris-flaky", FixtureDataService.IRIS, full);
        createMaterialized("""
                {"name":"iris-flaky","dataset":"iris-flaky","entityColumns":["id"],
                 "features":[{"name":"petal_length","column":"petal_length","transformations":[{"type":"standardize"}]}]}""");

        // the data-service restarts just as version 2 is announced: the first refit attempt gets 503
        DATA.fail("iris-flaky", true);
        int v2 = DATA.add("iris-flaky", FixtureDataService.IRIS, firstHundred(full));
        var envelope = ingested("iris-flaky", v2, firstHundred(full));
        await().atMost(WAIT).untilAsserted(() -> assertThat(jdbc.sql("SELECT coalesce(error, '') FROM refit_request WHERE event_id = ?")
                .param(envelope.eventId()).query(String.class).list()).singleElement().asString().contains("503"));
        assertThat(jdbc.sql("SELECT state FROM refit_request WHERE event_id = ?").param(envelope.eventId()).query(String.class).single())
                .as("a data-service outage is not a verdict on the definition").isEqualTo("QUEUED");

        DATA.fail("iris-flaky", false);
        await().atMost(WAIT).untilAsserted(() -> {
            JsonNode versions = get("/api/v1/feature-sets/iris-flaky").get("versions");
            assertThat(versions.size()).isEqualTo(2);
            assertThat(versions.get(1).get("datasetVersion").asInt()).isEqualTo(v2);
        });
        assertThat(jdbc.sql("SELECT state || ' ' || version FROM refit_request WHERE event_id = ?").param(envelope.eventId())
                .query(String.class).list()).containsExactly("DONE 2");
        await().atMost(WAIT).untilAsserted(() -> assertThat(get("/api/v1/feature-sets/iris-flaky/versions/2/materializations")
                .get(0).get("state").asString()).isEqualTo("SUCCEEDED"));
    }

    @Test
    void aSetCreatedWhileANewVersionArrivesCatchesUpWithIt() throws Exception {
        byte[] full = FixtureDataService.resource("iris.csv");
        DATA.add("iris-race", FixtureDataService.IRIS, full);
        // ~9 s per pass over the CSV (0.5 kB a second), so the event below arrives while the create fits version 1
        DATA.pace("iris-race", new Pacing(512, 1000));
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            CompletableFuture<ResponseEntity<String>> create = CompletableFuture.supplyAsync(() -> post("/api/v1/feature-sets", """
                    {"name":"iris-race","dataset":"iris-race","entityColumns":["id"],
                     "features":[{"name":"petal_length","column":"petal_length","transformations":[{"type":"standardize"}]}]}"""),
                    threads);
            await().atMost(WAIT).until(() -> DATA.contentRequests("iris-race") > 0);

            int v2 = DATA.add("iris-race", FixtureDataService.IRIS, firstHundred(full));
            var envelope = ingested("iris-race", v2, firstHundred(full));
            await().atMost(WAIT).until(() -> jdbc.sql("SELECT count(*) FROM processed_event WHERE event_id = ?")
                    .param(envelope.eventId()).query(Long.class).single() == 1);
            assertThat(create).as("the event was consumed while the set was not yet stored").isNotDone();

            ResponseEntity<String> created = create.get();
            assertThat(created.getStatusCode().value()).as(created.getBody()).isEqualTo(201);
            assertThat(JSON.readTree(created.getBody()).get("version").get("datasetVersion").asInt()).isEqualTo(1);
            DATA.pace("iris-race", Pacing.FAST);
            await().atMost(WAIT).untilAsserted(() -> {
                JsonNode versions = get("/api/v1/feature-sets/iris-race").get("versions");
                assertThat(versions.size()).isEqualTo(2);
                assertThat(versions.get(1).get("datasetVersion").asInt()).isEqualTo(v2);
            });
        }
    }

    /** The first 100 rows of {@code csv} (for iris: setosa and versicolor). */
    private static byte[] firstHundred(byte[] csv) {
        return new String(csv, StandardCharsets.UTF_8).lines().limit(101).collect(Collectors.joining("\n", "", "\n"))
                .getBytes(StandardCharsets.UTF_8);
    }

    /** Sends the DataIngested the data-service would publish for {@code version} of {@code dataset}. */
    private EventEnvelope<DataIngested> ingested(String dataset, int version, byte[] csv) {
        var envelope = EventEnvelope.wrap("data-service", new DataIngested(DatasetId.random(), new DatasetVersionRef(dataset, version),
                DataFormat.CSV, FixtureDataService.IRIS, csv.length == 0 ? 0 : 100, csv.length, "not-checked"), Clock.systemUTC());
        kafka.send(Topics.DATA_INGESTED, envelope.key(), envelope);
        return envelope;
    }
}
