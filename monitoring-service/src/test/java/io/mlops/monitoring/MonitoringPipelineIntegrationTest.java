package io.mlops.monitoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.micrometer.core.instrument.MeterRegistry;
import io.mlops.domain.id.DatasetVersionRef;
import io.mlops.domain.id.ModelId;
import io.mlops.domain.id.ModelVersionRef;
import io.mlops.domain.model.Lineage;
import io.mlops.domain.model.Metrics;
import io.mlops.domain.model.Task;
import io.mlops.events.EventEnvelope;
import io.mlops.events.ModelTrained;
import io.mlops.events.PredictionMade;
import io.mlops.events.PredictionMadeBatch;
import io.mlops.events.Topics;
import io.mlops.testsupport.RealInfrastructure;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.client.RestClient;

/**
 * The whole path on real Postgres and Kafka: a seattle-weather reference, PredictionMade traffic with
 * temp_max shifted, windows of 100 rows, DriftDetected once per drifted window, gauges, reports, feedback.
 * The dataset drift share is 0.25 here, so one drifted column of the four features makes the dataset drift.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "mlops.monitoring.window.size=100",
        "mlops.monitoring.window.duration=1h",
        "mlops.monitoring.dataset-drift-share=0.25",
        "mlops.monitoring.quality.min-labelled=20"})
@RealInfrastructure
class MonitoringPipelineIntegrationTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    static final DataServiceStub DATA_SERVICE = new DataServiceStub();

    @DynamicPropertySource
    static void dataService(DynamicPropertyRegistry registry) {
        registry.add("mlops.monitoring.data-service-url", DATA_SERVICE::url);
    }

    @LocalServerPort int port;
    @Autowired KafkaTemplate<Object, Object> kafka;
    @Autowired MeterRegistry meters;

    @Test
    void shiftedTemperatureDriftsOncePerWindowMovesTheGaugesAndNamesColumnAndMethod() throws Exception {
        ModelVersionRef model = registerWeatherModel("weather-drift");
        try (TopicReader drift = new TopicReader(Topics.DRIFT_DETECTED)) {
            publish(model, WeatherTraffic.spreadSample(0, 100), 0.0);
            awaitClosedWindows(model, 1);
            assertThat(gauge("mlops_dataset_drift_share", model)).isEqualTo(0.0);

            List<String[]> shifted = WeatherTraffic.spreadSample(3, 100);
            List<PredictionMade> second = publish(model, shifted, 10.0);
            publish(model, WeatherTraffic.spreadSample(5, 100), 10.0);
            List<Map<String, Object>> windows = awaitClosedWindows(model, 3);

            assertThat(windows).extracting(w -> w.get("datasetDrift")).containsExactly(false, true, true);
            Map<String, Object> tempMax = column(windows.get(1), "temp_max");
            assertThat(tempMax).containsEntry("method", "KOLMOGOROV_SMIRNOV").containsEntry("drifted", true).containsEntry("kind", "FEATURE");
            // D = sup |F_ref - F_cur| computed here by brute force over every observed point
            double expectedD = ksStatistic(WeatherTraffic.column(WeatherTraffic.referenceRows(), 2, 0), WeatherTraffic.column(shifted, 2, 10.0));
            assertThat((Double) tempMax.get("statistic")).isCloseTo(expectedD, org.assertj.core.data.Offset.offset(1e-9));
            assertThat(windows.get(1).get("skipped")).isEqualTo(List.of(Map.of("column", "date", "reason", "TEMPORAL")));
            assertThat(gauge("mlops_dataset_drift_share", model)).isGreaterThanOrEqualTo(0.25);
            assertThat(prometheus()).contains("mlops_feature_drift_score{").contains("feature=\"temp_max\"")
                    .contains("method=\"KOLMOGOROV_SMIRNOV\"").contains("mlops_prediction_latency_seconds_count{");

            List<String> windowIds = windows.stream().map(w -> (String) w.get("id")).toList();
            await().atMost(WAIT).until(() -> drift.containing(model.toString()).size() >= 2);
            // nothing more arrives: one event per drifted window (none for the first), all about the data, not the prediction
            await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).until(() -> drift.containing(model.toString()).size() == 2);
            List<String> events = drift.containing(model.toString());
            assertThat(events).anySatisfy(e -> assertThat(e).contains(windowIds.get(1)))
                    .anySatisfy(e -> assertThat(e).contains(windowIds.get(2)))
                    .allSatisfy(e -> assertThat(e.replace(" ", "")).contains("\"predictionDrift\":false").contains("temp_max"));

            // redelivered predictions are recognized by id: no new rows, no new window, no new event
            double duplicatesBefore = meters.counter("mlops.monitoring.predictions.duplicate").count();
            second.forEach(p -> kafka.send(Topics.PREDICTIONS_MADE, p.aggregateKey(), EventEnvelope.wrap("inference-service", p, Clock.systemUTC())));
            await().atMost(WAIT).until(() -> meters.counter("mlops.monitoring.predictions.duplicate").count() >= duplicatesBefore + 100);
            assertThat(driftReport(model)).hasSize(4); // three closed, one open (and empty)
        }
    }

    /**
     * What the inference-service sends: PredictionMadeBatch records, each many predictions. They land in the windows as
     * the same predictions sent one by one would (the KS statistic as in the test above), a redelivered batch record is
     * counted once, and a batch that cannot be read goes to the DLT whole while the consumer carries on.
     */
    @Test
    void batchRecordsLandInTheWindowsAsTheirPredictionsAndARedeliveredBatchCountsOnce() {
        ModelVersionRef model = registerWeatherModel("weather-batch");
        List<String[]> shifted = WeatherTraffic.spreadSample(3, 100);
        List<EventEnvelope<PredictionMadeBatch>> batches = new ArrayList<>();
        List<PredictionMade> all = shifted.stream().map(r -> WeatherTraffic.prediction(model, r, 10.0, 2)).toList();
        for (int from = 0; from < all.size(); from += 30) {
            batches.add(EventEnvelope.wrap("inference-service", batchOf(all.subList(from, Math.min(all.size(), from + 30))), Clock.systemUTC()));
        }
        String marker = "poison-" + UUID.randomUUID();
        String poison = io.mlops.events.EventJson.write(EventEnvelope.wrap("inference-service", batchOf(List.of(
                        WeatherTraffic.prediction(model, shifted.getFirst(), 0.0, 2))), Clock.systemUTC()))
                .replace("\"featureNames\":[", "\"featureNames\":[\"" + marker + "\",");
        try (TopicReader dlt = new TopicReader(Topics.deadLetter(Topics.PREDICTIONS_MADE))) {
            kafka.send(Topics.PREDICTIONS_MADE, model.toString(), poison);
            batches.forEach(b -> kafka.send(Topics.PREDICTIONS_MADE, b.key(), b));
            kafka.flush();

            Map<String, Object> window = awaitClosedWindows(model, 1).getFirst();
            assertThat(window).containsEntry("rows", 100).containsEntry("datasetDrift", true);
            double expectedD = ksStatistic(WeatherTraffic.column(WeatherTraffic.referenceRows(), 2, 0), WeatherTraffic.column(shifted, 2, 10.0));
            assertThat((Double) column(window, "temp_max").get("statistic")).isCloseTo(expectedD, org.assertj.core.data.Offset.offset(1e-9));
            await().atMost(WAIT).until(() -> !dlt.containing(marker).isEmpty());
        }
        // feedback finds a batch's prediction by its id
        String id = all.get(42).predictionId().toString();
        assertThat(post(Map.of("predictionId", id, "actual", "rain")).getStatusCode().value()).isEqualTo(200);

        double duplicatesBefore = meters.counter("mlops.monitoring.predictions.duplicate").count();
        kafka.send(Topics.PREDICTIONS_MADE, batches.get(1).key(), batches.get(1)); // redelivered: same eventId, same predictions
        kafka.flush();
        await().atMost(WAIT).until(() -> meters.counter("mlops.monitoring.predictions.duplicate").count() >= duplicatesBefore + 30);
        assertThat(driftReport(model)).hasSize(2); // one closed window of 100, one open and empty
    }

    /** The batch the inference-service would send for these predictions (one model version, alias, shadow). */
    private static PredictionMadeBatch batchOf(List<PredictionMade> predictions) {
        List<String> names = List.of("precipitation", "temp_max", "temp_min", "wind");
        List<String> classes = List.of("drizzle", "fog", "rain", "snow", "sun");
        PredictionMade first = predictions.getFirst();
        return new PredictionMadeBatch(first.model(), first.alias(), first.shadow(), names, classes, predictions.stream()
                .map(p -> new PredictionMadeBatch.Prediction(p.predictionId(), p.at(), names.stream().map(n -> p.features().get(n)).toList(),
                        p.value(), p.label(), classes.stream().map(c -> c.equals(p.label()) ? 0.9 : 0.025).toList(), p.latencyMs()))
                .toList());
    }

    /**
     * Every window holds dates the reference cannot have (today's, here): compared as categories they would drift
     * every time (chi-square p about 0), which with two features and a share of 0.25 would make the dataset drift on
     * unchanged traffic. The date column, typed DATE from its values, is skipped instead and left out of the share.
     */
    @Test
    @SuppressWarnings("unchecked")
    void aDateColumnIsSkippedAndLeftOutOfTheShare() {
        ModelVersionRef model = new ModelVersionRef("weather-dated-" + UUID.randomUUID().toString().substring(0, 8), 1);
        var put = http().put().uri("/api/v1/models/{m}/versions/1/reference", model.model())
                .contentType(MediaType.parseMediaType("text/csv")).body(WeatherTraffic.datedReferenceCsv()).retrieve()
                .body(new ParameterizedTypeReference<Map<String, Object>>() { });
        String today = java.time.LocalDate.now(java.time.ZoneOffset.UTC).toString();
        WeatherTraffic.spreadSample(0, 100).forEach(r -> {
            PredictionMade p = WeatherTraffic.datedPrediction(model, r, today);
            kafka.send(Topics.PREDICTIONS_MADE, p.aggregateKey(), EventEnvelope.wrap("inference-service", p, Clock.systemUTC()));
        });
        kafka.flush();

        Map<String, Object> window = awaitClosedWindows(model, 1).getFirst();
        assertThat(window).containsEntry("datasetDrift", false).containsEntry("driftShare", 0.0);
        assertThat((List<Map<String, Object>>) window.get("skipped")).containsExactly(Map.of("column", "date", "reason", "TEMPORAL"));
        assertThat((List<Map<String, Object>>) window.get("columns")).extracting(c -> c.get("column")).containsExactly("temp_max");
        assertThat((List<Map<String, Object>>) put.get("columns")).extracting(c -> c.get("name") + ":" + c.get("type"))
                .containsExactly("date:DATE", "temp_max:FLOAT");
    }

    @Test
    void predictionsThatAllSayTheSameLabelRaisePredictionDrift() {
        ModelVersionRef model = registerWeatherModel("weather-prediction-drift");
        // features as in training, but every prediction "sun": chi-square against the reference's weather labels
        List<PredictionMade> sunny = WeatherTraffic.spreadSample(6, 100).stream()
                .map(r -> WeatherTraffic.prediction(model, r, 0.0, 3))
                .map(p -> new PredictionMade(p.predictionId(), p.model(), p.alias(), p.at(), p.features(), null, "sun", Map.of(), 3, false))
                .toList();
        try (TopicReader drift = new TopicReader(Topics.DRIFT_DETECTED)) {
            sunny.forEach(p -> kafka.send(Topics.PREDICTIONS_MADE, p.aggregateKey(), EventEnvelope.wrap("inference-service", p, Clock.systemUTC())));
            Map<String, Object> window = awaitClosedWindows(model, 1).getFirst();
            assertThat(window).containsEntry("predictionDrift", true).containsEntry("datasetDrift", false);
            assertThat(column(window, "prediction")).containsEntry("kind", "PREDICTION").containsEntry("method", "CHI_SQUARE");
            await().atMost(WAIT).until(() -> drift.containing(model.toString()).size() == 1);
            assertThat(drift.containing(model.toString()).getFirst().replace(" ", "")).contains("\"predictionDrift\":true");
        }
    }

    @Test
    void feedbackJoinsStoredPredictionsAndADropRaisesModelPerformanceDegradedOnce() {
        ModelVersionRef model = registerWeatherModel("weather-quality");
        List<String[]> rows = WeatherTraffic.spreadSample(1, 100);
        List<PredictionMade> predictions = publish(model, rows, 0.0);
        awaitClosedWindows(model, 1);

        // the truth is "sun" for the first 40: accuracy = share of those predicted "sun" (counted here)
        List<Map<String, Object>> feedback = new ArrayList<>();
        long sun = 0;
        for (int i = 0; i < 40; i++) {
            feedback.add(Map.of("predictionId", predictions.get(i).predictionId().toString(), "actual", "sun"));
            sun += "sun".equals(rows.get(i)[5]) ? 1 : 0;
        }
        try (TopicReader degraded = new TopicReader(Topics.PERFORMANCE_DEGRADED)) {
            var response = http().post().uri("/api/v1/feedback").contentType(MediaType.APPLICATION_JSON).body(feedback).retrieve()
                    .toEntity(Map.class);
            assertThat(response.getStatusCode().value()).isEqualTo(200);
            assertThat(response.getBody()).containsEntry("accepted", 40);

            Map<String, Object> accuracy = metric(model, "accuracy");
            assertThat((Double) accuracy.get("value")).isEqualTo(sun / 40.0);
            assertThat(accuracy).containsEntry("trainingValue", 0.9).containsEntry("labelledRows", 40).containsEntry("degraded", true);
            await().atMost(WAIT).until(() -> degraded.containing(model.toString()).stream().anyMatch(e -> e.contains("\"accuracy\"")));

            // the same feedback again: quality re-judged, no second alert for the window and metric
            http().post().uri("/api/v1/feedback").contentType(MediaType.APPLICATION_JSON).body(feedback).retrieve().toBodilessEntity();
            await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5))
                    .until(() -> degraded.containing(model.toString()).stream().filter(e -> e.contains("\"accuracy\"")).count() == 1);
        }
        assertThat(prometheus()).contains("mlops_model_quality{").contains("metric=\"accuracy\"");
    }

    @Test
    void feedbackForAnUnknownPredictionIs404AndCountedAndAWrongLabelTypeIs422() {
        ModelVersionRef model = registerWeatherModel("weather-feedback-errors");
        List<PredictionMade> predictions = publish(model, WeatherTraffic.spreadSample(2, 3), 0.0);
        String known = predictions.getFirst().predictionId().toString();
        await().atMost(WAIT).until(() -> post(Map.of("predictionId", known, "actual", "rain")).getStatusCode().value() == 200);

        double before = meters.counter("mlops.feedback.unknown.prediction").count();
        String unknown = UUID.randomUUID().toString();
        var notFound = post(List.of(Map.of("predictionId", known, "actual", "rain"), Map.of("predictionId", unknown, "actual", "rain")));
        assertThat(notFound.getStatusCode().value()).isEqualTo(404);
        assertThat(notFound.getHeaders().getContentType()).hasToString(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        assertThat(notFound.getBody()).contains(unknown);
        assertThat(meters.counter("mlops.feedback.unknown.prediction").count()).isEqualTo(before + 1);

        var wrongType = post(Map.of("predictionId", known, "actual", 3.5));
        assertThat(wrongType.getStatusCode().value()).isEqualTo(422);
        assertThat(wrongType.getBody()).contains("\"field\":\"actual\"");
    }

    @Test
    void anEventOfAnUnknownSchemaVersionIsDeadLetteredAndTheConsumerCarriesOn() {
        ModelVersionRef model = registerWeatherModel("weather-dlt");
        String marker = "poison-" + UUID.randomUUID();
        PredictionMade valid = WeatherTraffic.prediction(model, WeatherTraffic.referenceRows().getFirst(), 0, 5);
        String json = io.mlops.events.EventJson.write(EventEnvelope.wrap("inference-service", valid, Clock.systemUTC()))
                .replace("\"schemaVersion\":1", "\"schemaVersion\":99").replace("\"alias\":\"production\"", "\"alias\":\"" + marker + "\"");
        try (TopicReader dlt = new TopicReader(Topics.deadLetter(Topics.PREDICTIONS_MADE))) {
            kafka.send(Topics.PREDICTIONS_MADE, model.toString(), json);
            List<PredictionMade> after = publish(model, List.<String[]>of(WeatherTraffic.referenceRows().get(1)), 0.0);
            await().atMost(WAIT).until(() -> !dlt.containing(marker).isEmpty());
            String id = after.getFirst().predictionId().toString();
            await().atMost(WAIT).until(() -> post(Map.of("predictionId", id, "actual", "rain")).getStatusCode().value() == 200);
        }
        // the poisoned prediction was never stored
        assertThat(post(Map.of("predictionId", valid.predictionId().toString(), "actual", "rain")).getStatusCode().value()).isEqualTo(404);
    }

    @Test
    void aReferenceIsShownAndAnUnknownModelVersionIs404() {
        ModelVersionRef model = registerWeatherModel("weather-reference");
        Map<String, Object> reference = http().get().uri("/api/v1/models/{m}/versions/1/reference", model.model()).retrieve().body(new ParameterizedTypeReference<Map<String, Object>>() { });
        assertThat(reference).containsEntry("sampleRows", 731).containsEntry("labelColumn", "weather").containsEntry("task", "MULTICLASS");
        assertThat(http().get().uri("/api/v1/models/nobody/versions/7/drift").retrieve().toBodilessEntity().getStatusCode().value())
                .isEqualTo(404);
        var badCsv = http().put().uri("/api/v1/models/{m}/versions/2/reference?label=nope", model.model())
                .contentType(MediaType.parseMediaType("text/csv")).body("a,b\n1,2\n").retrieve().toEntity(String.class);
        assertThat(badCsv.getStatusCode().value()).isEqualTo(422);
    }

    @Test
    void modelTrainedFetchesTheLineageDatasetSampleOnceAndKeepsTheTrainingMetrics() {
        ModelVersionRef model = new ModelVersionRef("weather-trained-" + UUID.randomUUID().toString().substring(0, 8), 2);
        var trained = new ModelTrained(ModelId.random(), model, Task.MULTICLASS, new Metrics(Map.of("accuracy", 0.87)),
                new Lineage(new DatasetVersionRef("weather", 3), null, null, null, "weather"), "ab".repeat(32));
        var envelope = EventEnvelope.wrap("model-service", trained, Clock.systemUTC());
        int before = DATA_SERVICE.sampleFetches.get();
        kafka.send(Topics.MODELS_TRAINED, trained.aggregateKey(), envelope);
        kafka.send(Topics.MODELS_TRAINED, trained.aggregateKey(), envelope); // redelivered: applied once

        await().atMost(WAIT).until(() -> http().get().uri("/api/v1/models/{m}/versions/2/reference", model.model())
                .retrieve().toBodilessEntity().getStatusCode().value() == 200);
        Map<String, Object> reference = http().get().uri("/api/v1/models/{m}/versions/2/reference", model.model()).retrieve()
                .body(new ParameterizedTypeReference<Map<String, Object>>() { });
        assertThat(reference).containsEntry("sampleRows", 731).containsEntry("labelColumn", "weather").containsEntry("dataset", "weather@3")
                .containsEntry("trainingMetrics", Map.of("accuracy", 0.87));
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(5)).until(() -> DATA_SERVICE.sampleFetches.get() == before + 1);
    }

    /** Runs only where Debian's chromium is installed (/usr/bin/chromium); CI machines without it skip this test alone. */
    @Test
    void theDashboardDrawsDriftQualityAndLatencyInHeadlessChromium() throws Exception {
        assumeTrue(HeadlessChromium.installed(), "needs /usr/bin/chromium");
        ModelVersionRef model = registerWeatherModel("weather-dashboard");
        publish(model, WeatherTraffic.spreadSample(0, 100), 0.0);
        publish(model, WeatherTraffic.spreadSample(4, 100), 10.0);
        awaitClosedWindows(model, 2);
        String url = "http://localhost:" + port + "/dashboard?model=" + model.model();

        String dom = HeadlessChromium.dumpDom(url);
        assertThat(dom).contains("data-ready=\"true\"").contains("data-series=\"temp_max (KOLMOGOROV_SMIRNOV)\"")
                .contains("data-series=\"drift share\"").contains("data-series=\"p95\"").contains("2 closed windows");

        Path png = Path.of("target", "dashboard-screenshot.png");
        Files.deleteIfExists(png);
        HeadlessChromium.screenshot(url, png);
        BufferedImage image = ImageIO.read(png.toFile());
        assertThat(image.getWidth()).isEqualTo(1280);
        // the header's dark blue and the first series' blue are both on the page: it was drawn, not blank
        assertThat(hasColor(image, 0x1f2d3d)).isTrue();
        assertThat(hasColor(image, 0x2e86de)).isTrue();
    }

    private static boolean hasColor(BufferedImage image, int rgb) {
        for (int y = 0; y < image.getHeight(); y += 1) {
            for (int x = 0; x < image.getWidth(); x += 1) {
                if ((image.getRGB(x, y) & 0xffffff) == rgb) {
                    return true;
                }
            }
        }
        return false;
    }

    // --- helpers

    private ModelVersionRef registerWeatherModel(String prefix) {
        ModelVersionRef model = new ModelVersionRef(prefix + "-" + UUID.randomUUID().toString().substring(0, 8), 1);
        var response = http().put()
                .uri("/api/v1/models/{m}/versions/1/reference?label=weather&task=MULTICLASS&metric=accuracy:0.9&metric=f1_macro:0.8",
                        model.model())
                .contentType(MediaType.parseMediaType("text/csv")).body(WeatherTraffic.referenceCsv()).retrieve().toEntity(String.class);
        assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(200);
        return model;
    }

    private List<PredictionMade> publish(ModelVersionRef model, List<String[]> rows, double shift) {
        List<PredictionMade> sent = rows.stream().map(r -> WeatherTraffic.prediction(model, r, shift, 2 + Math.floorMod(r[0].hashCode(), 3))).toList();
        sent.forEach(p -> kafka.send(Topics.PREDICTIONS_MADE, p.aggregateKey(), EventEnvelope.wrap("inference-service", p, Clock.systemUTC())));
        kafka.flush();
        return sent;
    }

    private List<Map<String, Object>> awaitClosedWindows(ModelVersionRef model, int count) {
        await().atMost(WAIT).until(() -> driftReport(model).stream().filter(w -> "CLOSED".equals(w.get("status"))).count() >= count);
        return driftReport(model).stream().filter(w -> "CLOSED".equals(w.get("status"))).toList();
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> driftReport(ModelVersionRef model) {
        Map<String, Object> report = http().get().uri("/api/v1/models/{m}/versions/{v}/drift", model.model(), model.version())
                .retrieve().body(new ParameterizedTypeReference<Map<String, Object>>() { });
        return (List<Map<String, Object>>) report.get("windows");
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> metric(ModelVersionRef model, String name) {
        Map<String, Object> report = http().get().uri("/api/v1/models/{m}/versions/{v}/quality", model.model(), model.version())
                .retrieve().body(new ParameterizedTypeReference<Map<String, Object>>() { });
        List<Map<String, Object>> windows = (List<Map<String, Object>>) report.get("windows");
        return ((List<Map<String, Object>>) windows.getFirst().get("metrics")).stream().filter(m -> name.equals(m.get("metric")))
                .findFirst().orElseThrow();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> column(Map<String, Object> window, String name) {
        return ((List<Map<String, Object>>) window.get("columns")).stream().filter(c -> name.equals(c.get("column"))).findFirst().orElseThrow();
    }

    private double gauge(String name, ModelVersionRef model) {
        String prefix = name + "{";
        return prometheus().lines().filter(l -> l.startsWith(prefix) && l.contains("model=\"" + model.model() + "\""))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).findFirst().orElse(Double.NaN);
    }

    private String prometheus() {
        return http().get().uri("/actuator/prometheus").retrieve().body(String.class);
    }

    private org.springframework.http.ResponseEntity<String> post(Object body) {
        return http().post().uri("/api/v1/feedback").contentType(MediaType.APPLICATION_JSON).body(body).retrieve().toEntity(String.class);
    }

    private RestClient http() {
        return RestClient.builder().baseUrl("http://localhost:" + port)
                .defaultStatusHandler(HttpStatusCode::isError, (request, response) -> { }).build();
    }

    /** sup over all observed points of |F_ref(x) - F_cur(x)|, by counting (no library). */
    static double ksStatistic(double[] reference, double[] current) {
        double[] points = new double[reference.length + current.length];
        System.arraycopy(reference, 0, points, 0, reference.length);
        System.arraycopy(current, 0, points, reference.length, current.length);
        double d = 0;
        for (double x : points) {
            double fr = Arrays.stream(reference).filter(v -> v <= x).count() / (double) reference.length;
            double fc = Arrays.stream(current).filter(v -> v <= x).count() / (double) current.length;
            d = Math.max(d, Math.abs(fr - fc));
        }
        return d;
    }
}
