package io.mlops.standalone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.mlops.events.DriftDetected;
import io.mlops.events.EventType;
import io.mlops.events.ModelDeployed;
import io.mlops.events.PredictionMade;
import io.mlops.standalone.suite.Service;
import io.mlops.standalone.testing.KafkaEvents;
import io.mlops.standalone.testing.Platform;
import io.mlops.standalone.testing.RunningSuite;
import io.mlops.standalone.testing.StandaloneSuiteExtension;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.MediaType;

/**
 * The life of a model across the five services, each its own application context, over real HTTP and the suite's
 * real Kafka broker (issue 8): seattle-weather 2012-2013 is ingested, a feature set following the latest dataset
 * version is fitted and materialized, a model is trained with a small search, registered and aliased
 * {@code production} (ModelDeployed on the wire), served by raw features and by entity, its PredictionMade events
 * logged by monitoring; a second dataset version (2012-2015) makes a second feature-set version; drifted traffic
 * makes monitoring emit DriftDetected, labelled feedback gives a quality report, the retraining policy trains a
 * challenger on the newest feature-set version and moves the alias; finally every link of lineage is followed over
 * the public APIs from a prediction id to the SHA-256 of the bytes that were uploaded.
 */
@ExtendWith(StandaloneSuiteExtension.class)
class EndToEndIntegrationTest {

    private static final String DATASET = "e2e-weather";
    private static final String FEATURE_SET = "e2e-weather-daily";
    private static final String MODEL = "e2e-temp";
    private static final Duration EVENT = Duration.ofSeconds(90);
    private static final Duration TRAINING = Duration.ofMinutes(5);

    @Test
    @SuppressWarnings("unchecked")
    void aModelsWholeLifeFromIngestionToClosedLoopRetrainingWithLineageBackToTheBytes(RunningSuite suite) throws Exception {
        Platform platform = new Platform(suite);
        List<String> lines = new String(new ClassPathResource("demo/seattle-weather.csv").getContentAsByteArray(), StandardCharsets.UTF_8)
                .lines().toList();
        String header = lines.getFirst();
        List<String> rows = lines.subList(1, lines.size());
        // seattle-weather.csv: one row per day, 2012-01-01 .. 2015-12-31; the first version holds 2012 and 2013 only
        byte[] firstCsv = csv(header, rows.stream().filter(r -> r.startsWith("2012") || r.startsWith("2013")).toList());
        byte[] allCsv = csv(header, rows);

        try (KafkaEvents deployed = new KafkaEvents(suite, EventType.MODEL_DEPLOYED);
             KafkaEvents predictionsMade = new KafkaEvents(suite, EventType.PREDICTION_MADE);
             KafkaEvents drift = new KafkaEvents(suite, EventType.DRIFT_DETECTED)) {

            // 1. ingest: the data-service stores the bytes and answers their SHA-256
            platform.createDataset(DATASET);
            Platform.DatasetVersion first = platform.upload(DATASET, "seattle-weather-2012-2013.csv", firstCsv);
            assertThat(first.version()).isEqualTo(1);
            assertThat(first.rowCount()).isEqualTo(731); // 366 days of 2012 + 365 of 2013
            assertThat(first.sha256()).isEqualTo(sha256(firstCsv));

            // 2. a feature set following the latest version (no datasetVersion), entity weather, event time date
            int featureSetVersion = platform.createFeatureSet(weatherFeatureSet());
            platform.awaitMaterialized(FEATURE_SET, featureSetVersion, Duration.ofMinutes(2));

            // 3. train with a small grid search scored by 3-fold CV, holdout every 5th row
            Map<String, Object> job = platform.train(trainingRequest(featureSetVersion), TRAINING);
            assertThat((List<Object>) job.get("trials")).hasSize(2);
            int champion = ((Number) job.get("modelVersion")).intValue();
            Map<String, Object> registered = platform.modelVersion(MODEL, champion);
            assertThat((Map<String, Object>) registered.get("metrics")).containsKeys("r2", "mae", "rmse");

            // 4. alias production: ModelDeployed reaches the broker
            platform.send(Service.MODEL, "PUT", 200, "/api/v1/models/{name}/aliases/production",
                    Map.of("version", champion, "reason", "e2e: first model"), MODEL);
            var deployedEvent = deployed.awaitEvent(ModelDeployed.class,
                    e -> e.payload().model().model().equals(MODEL) && e.payload().model().version() == champion, EVENT);
            assertThat(deployedEvent.payload().alias()).isEqualTo("production");
            assertThat(deployedEvent.payload().artifactSha256()).isEqualTo(registered.get("artifactSha256"));

            // monitoring keeps the reference it fetched from the data-service on ModelTrained; drift needs it
            await().atMost(EVENT).untilAsserted(() -> assertThat(platform.http(Service.MONITORING).get()
                    .uri("/api/v1/models/{m}/versions/{v}/reference", MODEL, champion).retrieve().toBodilessEntity()
                    .getStatusCode().value()).isEqualTo(200));
            // its label column comes from the model's lineage (a dataset version does not say what a model predicts)
            assertThat(platform.get(Service.MONITORING, "/api/v1/models/{m}/versions/{v}/reference", MODEL, champion))
                    .containsEntry("labelColumn", "temp_max");

            // 5. predictions by raw features and by entity (the online store's latest row per weather kind)
            Map<String, Object> byFeatures = platform.send(Service.INFERENCE, "POST", 200, "/api/v1/models/{name}/predict",
                    Map.of("instances", List.of(Map.of("precipitation", 0.0, "wind", 3.0, "date", "2016-07-15"),
                            Map.of("precipitation", 12.0, "wind", 5.0, "date", "2016-01-15"))), MODEL);
            assertThat(byFeatures).containsEntry("version", champion).containsEntry("alias", "production");
            List<Map<String, Object>> answered = (List<Map<String, Object>>) byFeatures.get("predictions");
            double july = ((Number) answered.get(0).get("value")).doubleValue();
            double january = ((Number) answered.get(1).get("value")).doubleValue();
            assertThat(july).as("a dry July day is warmer than a wet January one").isGreaterThan(january);
            // the first lookup may miss the inference-service's feature timeout on a loaded box: 503 with Retry-After says retry
            Map<String, Object>[] entityAnswer = new Map[1];
            await().atMost(EVENT).pollInterval(Duration.ofSeconds(1)).until(() -> {
                var answer = platform.http(Service.INFERENCE).post().uri("/api/v1/models/{name}/predict", MODEL)
                        .contentType(MediaType.APPLICATION_JSON).body(Map.of("entities", List.of("rain", "sun")))
                        .retrieve().toEntity(new ParameterizedTypeReference<Map<String, Object>>() { });
                assertThat(answer.getStatusCode().value()).as("%s", answer.getBody()).isIn(200, 503);
                entityAnswer[0] = answer.getBody();
                return answer.getStatusCode().value() == 200;
            });
            Map<String, Object> byEntity = entityAnswer[0];
            assertThat((List<Map<String, Object>>) byEntity.get("predictions")).hasSize(2)
                    .allSatisfy(p -> assertThat(p.get("value")).isInstanceOf(Number.class));
            String predictionId = (String) answered.get(0).get("id");

            // 6. PredictionMade travels through Kafka and monitoring logs it under its id
            predictionsMade.awaitEvent(PredictionMade.class, e -> e.payload().predictionId().value().toString().equals(predictionId), EVENT);
            await().atMost(EVENT).untilAsserted(() -> assertThat(platform.http(Service.MONITORING).get()
                    .uri("/api/v1/predictions/{id}", predictionId).retrieve().toBodilessEntity().getStatusCode().value()).isEqualTo(200));

            String unknown = java.util.UUID.randomUUID().toString();
            var notLogged = platform.http(Service.MONITORING).get().uri("/api/v1/predictions/{id}", unknown).retrieve().toEntity(String.class);
            assertThat(notLogged.getStatusCode().value()).isEqualTo(404);
            assertThat(notLogged.getBody()).contains(unknown);

            // 7. closed loop on: drift on the version behind production retrains on the newest feature-set version
            enableRetraining(platform);

            // 8. the second dataset version (all four years): the feature set follows it with a new version
            Platform.DatasetVersion second = platform.upload(DATASET, "seattle-weather.csv", allCsv);
            assertThat(second.version()).isEqualTo(2);
            assertThat(second.rowCount()).isEqualTo(1461);
            int[] newest = new int[1];
            await().atMost(Duration.ofMinutes(2)).untilAsserted(() -> {
                List<Map<String, Object>> versions = (List<Map<String, Object>>) platform.get(Service.FEATURE,
                        "/api/v1/feature-sets/{name}", FEATURE_SET).get("versions");
                Map<String, Object> last = versions.getLast();
                assertThat(last.get("datasetVersion")).isEqualTo(2);
                newest[0] = ((Number) last.get("version")).intValue();
            });
            platform.awaitMaterialized(FEATURE_SET, newest[0], Duration.ofMinutes(2));

            // 9. drifted traffic: 2015's days with 40 mm more rain and 5 m/s more wind, one full monitoring window (1000 rows)
            List<String> year2015 = rows.stream().filter(r -> r.startsWith("2015")).toList();
            List<Map<String, Object>> stormy = new ArrayList<>();
            List<Double> actualTempMax = new ArrayList<>();
            for (int i = 0; i < 1000; i++) {
                String[] c = year2015.get(i % year2015.size()).split(",");
                stormy.add(Map.of("date", c[0], "precipitation", Double.parseDouble(c[1]) + 40, "wind", Double.parseDouble(c[4]) + 5));
                actualTempMax.add(Double.parseDouble(c[2]));
            }
            Map<String, Object> stormyAnswer = platform.send(Service.INFERENCE, "POST", 200, "/api/v1/models/{name}/predict",
                    Map.of("instances", stormy), MODEL);
            List<Map<String, Object>> stormyPredictions = (List<Map<String, Object>>) stormyAnswer.get("predictions");
            assertThat(stormyPredictions).hasSize(1000);

            // 10. DriftDetected on the wire, and the drift report names the column and the method
            var driftEvent = drift.awaitEvent(DriftDetected.class,
                    e -> e.payload().result().model().model().equals(MODEL) && e.payload().result().model().version() == champion, EVENT);
            assertThat(driftEvent.payload().result().datasetDrift()).isTrue();
            assertThat(driftEvent.payload().result().columns()).anySatisfy(c -> {
                assertThat(c.column()).isEqualTo("precipitation");
                assertThat(c.drifted()).isTrue();
            });
            Map<String, Object> report = platform.get(Service.MONITORING, "/api/v1/models/{m}/versions/{v}/drift", MODEL, champion);
            Map<String, Object> judged = ((List<Map<String, Object>>) report.get("windows")).stream()
                    .filter(w -> Boolean.TRUE.equals(w.get("datasetDrift"))).findFirst().orElseThrow();
            assertThat((List<Map<String, Object>>) judged.get("columns")).anySatisfy(c -> {
                assertThat(c).containsEntry("column", "precipitation").containsEntry("drifted", true);
                assertThat((String) c.get("method")).isNotBlank();
            });
            // prediction drift: the predictions against the reference's temp_max
            assertThat((List<Map<String, Object>>) judged.get("columns")).anySatisfy(c ->
                    assertThat(c).containsEntry("kind", "PREDICTION").containsEntry("column", "prediction"));

            // 11. feedback: the true temp_max of 40 of those days, then the quality report of that window
            List<Map<String, Object>> feedback = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                feedback.add(Map.of("predictionId", stormyPredictions.get(i).get("id"), "actual", actualTempMax.get(i)));
            }
            Map<String, Object> accepted = platform.send(Service.MONITORING, "POST", 200, "/api/v1/feedback", feedback);
            assertThat(accepted).containsEntry("accepted", 40);
            Map<String, Object> quality = platform.get(Service.MONITORING, "/api/v1/models/{m}/versions/{v}/quality", MODEL, champion);
            assertThat(String.valueOf(quality)).contains("mae").contains("labelledRows=40");

            // 12. lineage from the prediction id back to the uploaded bytes
            assertThat(lineageSha256(platform, predictionId)).isEqualTo(first.sha256()).isEqualTo(sha256(firstCsv));

            // 13. the closed loop: a challenger trained on the newest feature-set version took the alias. The window
            // drifted in its features and in its predictions, so two DriftDetected came: the first started the run
            // that trained, any later one was skipped while it trained
            Map<String, Object>[] run = new Map[1];
            await().atMost(TRAINING).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
                List<Map<String, Object>> runs = platform.getList(Service.MODEL, "/api/v1/models/{name}/retraining-runs", MODEL);
                assertThat(runs).as("retraining runs").isNotEmpty();
                run[0] = runs.stream().filter(r -> r.get("trainingJobId") != null).findFirst().orElse(null);
                assertThat(run[0]).as("a run that trained, among %s", runs).isNotNull();
                assertThat(run[0].get("state")).as("run %s", run[0]).isEqualTo("FINISHED");
                assertThat(runs).as("runs that did not train").filteredOn(r -> r.get("trainingJobId") == null)
                        .allSatisfy(r -> assertThat(r).containsEntry("decision", "SKIPPED"));
            });
            assertThat(run[0].get("decision")).as("run %s", run[0]).isEqualTo("PROMOTED");
            assertThat(run[0]).containsEntry("championVersion", champion);
            int challenger = ((Number) run[0].get("challengerVersion")).intValue();
            assertThat(challenger).isGreaterThan(champion);
            Map<String, Object> challengerLineage = (Map<String, Object>) platform.modelVersion(MODEL, challenger).get("lineage");
            assertThat(((Map<String, Object>) challengerLineage.get("featureSet")).get("version")).isEqualTo(newest[0]);

            assertThat(platform.get(Service.MODEL, "/api/v1/models/{name}/aliases/production", MODEL)).containsEntry("version", challenger);
            List<Map<String, Object>> history = platform.getList(Service.MODEL, "/api/v1/models/{name}/aliases/production/history", MODEL);
            assertThat(history.getFirst()).containsEntry("toVersion", champion).containsEntry("reason", "e2e: first model");
            // every step with its reason: the retraining started (alias kept on the champion), then the move
            assertThat(history).anySatisfy(step -> {
                assertThat(step).containsEntry("action", "RETRAINING_STARTED").containsEntry("fromVersion", champion)
                        .containsEntry("toVersion", champion);
                assertThat((String) step.get("reason")).contains("DriftDetected");
            });
            assertThat(history.getLast()).containsEntry("action", "MOVED").containsEntry("fromVersion", champion)
                    .containsEntry("toVersion", challenger);
            assertThat((String) history.getLast().get("reason")).contains("promoted").contains("v" + challenger).contains("v" + champion);
            deployed.awaitEvent(ModelDeployed.class, e -> e.payload().model().model().equals(MODEL) && e.payload().model().version() == challenger
                    && Integer.valueOf(champion).equals(e.payload().previousVersion()), EVENT);

            // the inference-service follows ModelDeployed: production now answers with the challenger, whose lineage ends at version 2's bytes
            String[] after = new String[1];
            await().atMost(EVENT).untilAsserted(() -> {
                Map<String, Object> answer = platform.send(Service.INFERENCE, "POST", 200, "/api/v1/models/{name}/predict",
                        Map.of("instances", List.of(Map.of("precipitation", 1.0, "wind", 2.0, "date", "2016-05-01"))), MODEL);
                assertThat(answer).containsEntry("version", challenger);
                after[0] = (String) ((List<Map<String, Object>>) answer.get("predictions")).getFirst().get("id");
            });
            await().atMost(EVENT).untilAsserted(() -> assertThat(platform.http(Service.MONITORING).get()
                    .uri("/api/v1/predictions/{id}", after[0]).retrieve().toBodilessEntity().getStatusCode().value()).isEqualTo(200));
            assertThat(lineageSha256(platform, after[0])).isEqualTo(second.sha256()).isEqualTo(sha256(allCsv));
        }
    }

    /**
     * prediction id → monitoring's logged prediction (model, version) → the registry's lineage (feature-set version)
     * → the feature-service's version (dataset version and the SHA-256 it fitted on) → the data-service's version
     * (SHA-256 of the stored bytes). Each hop is one public GET; the hops must agree with each other.
     */
    @SuppressWarnings("unchecked")
    private static String lineageSha256(Platform platform, String predictionId) {
        Map<String, Object> logged = platform.get(Service.MONITORING, "/api/v1/predictions/{id}", predictionId);
        assertThat(logged).containsEntry("predictionId", predictionId).containsEntry("model", MODEL);
        int version = ((Number) logged.get("version")).intValue();

        Map<String, Object> lineage = (Map<String, Object>) platform.modelVersion(MODEL, version).get("lineage");
        Map<String, Object> featureSet = (Map<String, Object>) lineage.get("featureSet");
        assertThat(featureSet).containsEntry("featureSet", FEATURE_SET);

        Map<String, Object> fsVersion = platform.get(Service.FEATURE, "/api/v1/feature-sets/{name}/versions/{v}",
                FEATURE_SET, featureSet.get("version"));
        assertThat(fsVersion).containsEntry("dataset", DATASET);
        Map<String, Object> dataset = (Map<String, Object>) lineage.get("dataset");
        assertThat(dataset).containsEntry("dataset", DATASET).containsEntry("version", fsVersion.get("datasetVersion"));

        Map<String, Object> datasetVersion = platform.get(Service.DATA, "/api/v1/datasets/{name}/versions/{v}", DATASET,
                fsVersion.get("datasetVersion"));
        String sha256 = (String) datasetVersion.get("sha256");
        assertThat(fsVersion.get("datasetSha256")).isEqualTo(sha256);
        assertThat(lineage.get("datasetSha256")).isEqualTo(sha256);
        return sha256;
    }

    /** The closed-loop retraining policy (model-service, issue 8). */
    private static void enableRetraining(Platform platform) {
        var answer = platform.http(Service.MODEL).put().uri("/api/v1/models/{name}/retraining-policy", MODEL)
                .contentType(MediaType.APPLICATION_JSON).header("X-Actor", "e2e")
                .body(Map.of("enabled", true, "alias", "production", "triggers", List.of("drift", "performance"),
                        "minImprovement", 0.0, "cooldown", "PT5M"))
                .retrieve().toEntity(new ParameterizedTypeReference<Map<String, Object>>() { });
        assertThat(answer.getStatusCode().value()).as("retraining policy: %s", answer.getBody()).isEqualTo(200);
        assertThat(answer.getBody()).containsEntry("enabled", true).containsEntry("alias", "production");
    }

    private static Map<String, Object> weatherFeatureSet() {
        Map<String, Object> definition = new LinkedHashMap<>();
        definition.put("name", FEATURE_SET);
        definition.put("dataset", DATASET);
        definition.put("entityColumns", List.of("weather"));
        definition.put("eventTimeColumn", "date");
        definition.put("ttl", "P7300D");
        definition.put("labelColumns", List.of("temp_max"));
        definition.put("features", List.of(
                Map.of("name", "precipitation", "column", "precipitation", "transformations", List.of(
                        Map.of("type", "impute", "strategy", "median"), Map.of("type", "log1p"), Map.of("type", "standardize"))),
                Map.of("name", "wind", "column", "wind", "transformations", List.of(Map.of("type", "standardize"))),
                Map.of("name", "date", "column", "date", "transformations", List.of(
                        Map.of("type", "date_parts", "parts", List.of("month", "day_of_week"))))));
        return definition;
    }

    private static Map<String, Object> trainingRequest(int featureSetVersion) {
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("modelName", MODEL);
        request.put("featureSet", FEATURE_SET);
        request.put("featureSetVersion", featureSetVersion);
        request.put("labelColumn", "temp_max");
        request.put("task", "regression");
        request.put("algorithm", Map.of("type", "mlp", "hiddenSizes", List.of(16), "activation", "relu"));
        request.put("optimizer", Map.of("epochs", 20));
        request.put("seed", 42);
        request.put("split", Map.of("type", "every-kth", "k", 5));
        request.put("search", Map.of("strategy", "grid", "folds", 3, "parameters", Map.of("learningRate", List.of(0.01, 0.05))));
        return request;
    }

    private static byte[] csv(String header, List<String> rows) {
        return (header + "\n" + String.join("\n", rows) + "\n").getBytes(StandardCharsets.UTF_8);
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
