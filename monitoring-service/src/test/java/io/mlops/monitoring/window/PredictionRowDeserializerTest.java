package io.mlops.monitoring.window;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mlops.domain.id.ModelVersionRef;
import io.mlops.domain.id.PredictionId;
import io.mlops.events.EventEnvelope;
import io.mlops.events.EventJson;
import io.mlops.events.MalformedEvent;
import io.mlops.events.PredictionMade;
import io.mlops.events.PredictionMadeBatch;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The intake's one-pass reading of PredictionMade and PredictionMadeBatch: the same values and envelope checks as
 * {@code EventJson.read}, and a batch's rows the same as those of its predictions sent one by one.
 */
class PredictionRowDeserializerTest {

    private static final Instant AT = Instant.parse("2026-11-27T10:00:00.123456Z");

    private static PredictionMade prediction(Map<String, Object> features, Map<String, Double> probabilities) {
        return new PredictionMade(new PredictionId(UUID.fromString("00000000-0000-0000-0000-00000000000a")), new ModelVersionRef("churn", 3),
                "production", AT, features, 0.5, "yes", probabilities, 12.25, true);
    }

    private static String json(PredictionMade p) {
        return EventJson.write(EventEnvelope.wrap("inference-service", p, Clock.systemUTC()));
    }

    private static PredictionRow read(String json) {
        List<PredictionRow> rows = readAll(json);
        assertThat(rows).hasSize(1);
        return rows.getFirst();
    }

    private static List<PredictionRow> readAll(String json) {
        return PredictionRowDeserializer.read(json.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void readsWhatTheIntakeStoresWithTheFeaturesAsTheEventsOwnJsonText() {
        Map<String, Object> features = new LinkedHashMap<>();
        features.put("city", "Zürich \"old\"\ttown");
        features.put("temp", 21.5);
        features.put("missing", null);
        PredictionMade p = prediction(features, Map.of("yes", 0.75));
        PredictionRow row = read(json(p));

        assertThat(row).isEqualTo(new PredictionRow(p.predictionId().value(), p.model(), AT,
                EventJson.mapper().writeValueAsString(features), 0.5, "yes", "{\"yes\":0.75}", 12.25));
        assertThat(EventJson.mapper().readValue(row.featuresJson(), Map.class)).isEqualTo(features);
    }

    @Test
    void absentFeaturesAreAnEmptyObjectAndEmptyOrAbsentProbabilitiesNull() {
        assertThat(read(json(prediction(null, Map.of()))))
                .extracting(PredictionRow::featuresJson, PredictionRow::probabilitiesJson).containsExactly("{}", null);
        assertThat(read(json(prediction(Map.of(), null))))
                .extracting(PredictionRow::featuresJson, PredictionRow::probabilitiesJson).containsExactly("{}", null);
    }

    @Test
    void fieldOrderAndUnknownFieldsDoNotMatter() {
        UUID id = UUID.randomUUID();
        String json = """
                {"payload":{"extra":[1,{"a":2}],"latencyMs":"7","features":{"f":[1,2]},"at":"2026-11-27T10:00:00Z",
                 "model":{"version":2,"model":"m","new":true},"predictionId":"%s"},
                 "future":{"x":1},"key":"m@2","source":"s","occurredAt":"2026-11-27T10:00:01Z","schemaVersion":1,
                 "type":"PredictionMade","eventId":"%s"}""".formatted(id, UUID.randomUUID());
        assertThat(read(json)).isEqualTo(new PredictionRow(id, new ModelVersionRef("m", 2), Instant.parse("2026-11-27T10:00:00Z"),
                "{\"f\":[1,2]}", null, null, null, 7.0));
    }

    @Test
    void whatEventJsonRefusesIsRefusedSoItIsDeadLettered() {
        String good = json(prediction(Map.of("a", 1.0), Map.of()));
        assertThatThrownBy(() -> read("not json")).isInstanceOf(MalformedEvent.class).hasMessageContaining("not JSON");
        assertThatThrownBy(() -> read("[1]")).isInstanceOf(MalformedEvent.class).hasMessageContaining("JSON object");
        assertThatThrownBy(() -> read(good.replace("\"schemaVersion\":1", "\"schemaVersion\":99")))
                .isInstanceOf(MalformedEvent.class).hasMessageContaining("unsupported schemaVersion 99");
        assertThatThrownBy(() -> read(good.replace("\"schemaVersion\":1,", "")))
                .isInstanceOf(MalformedEvent.class).hasMessageContaining("unsupported schemaVersion 0");
        assertThatThrownBy(() -> read(good.replace("\"type\":\"PredictionMade\"", "\"type\":\"Nope\"")))
                .isInstanceOf(MalformedEvent.class).hasMessageContaining("unknown event type 'Nope'");
        assertThatThrownBy(() -> read(good.replaceFirst("\"eventId\":\"[^\"]+\"", "\"eventId\":\"x\"")))
                .isInstanceOf(MalformedEvent.class);
        assertThatThrownBy(() -> read(good.replaceFirst("\"source\":\"[^\"]+\",", "")))
                .isInstanceOf(MalformedEvent.class).hasMessageContaining("'source' is missing");
        assertThatThrownBy(() -> read(good.replace("\"features\":{", "\"features\":[").replace("1.0}", "1.0]")))
                .isInstanceOf(MalformedEvent.class).hasMessageContaining("'features' must be an object");
        assertThatThrownBy(() -> read(good.replace("\"features\":{\"a\":1.0}", "\"features\":{\"a\":1.0")))
                .isInstanceOf(MalformedEvent.class);
        assertThatThrownBy(() -> read(good.replace("\"at\":\"", "\"at\":\"x")))
                .isInstanceOf(MalformedEvent.class);
        assertThatThrownBy(() -> read(good.replace("\"version\":3", "\"version\":0")))
                .isInstanceOf(MalformedEvent.class).hasMessageContaining("version must be >= 1");
        assertThatThrownBy(() -> read(json(prediction(Map.of(), Map.of("yes", 0.5))).replace("0.5", "\"high\"")))
                .isInstanceOf(MalformedEvent.class);
        // another event type on the predictions topic is a producer's mistake: dead-lettered, not silently dropped
        assertThatThrownBy(() -> read(good.replace("\"type\":\"PredictionMade\"", "\"type\":\"DriftDetected\""))).isInstanceOf(MalformedEvent.class).hasMessageContaining("expected a PredictionMade or PredictionMadeBatch");
        assertThat(read(good).predictionId()).isNotNull();
    }

    static PredictionMadeBatch batch() {
        List<Object> first = Arrays.asList("Zürich \"old\"\ttown", 21.5, null, List.of(1, 2), Map.of("z", true), 3, -0.0, 1.0E22);
        List<Object> second = Arrays.asList("Bern", -1.25, "x", List.of(), Map.of(), 2147483647, 0.0, 1.0E-7);
        return new PredictionMadeBatch(new ModelVersionRef("churn", 3), "production", true,
                List.of("city", "temp", "missing", "list", "nested", "count", "zero", "big"), List.of("yes", "no \"way\""),
                List.of(new PredictionMadeBatch.Prediction(PredictionId.random(), AT, first, null, "yes", List.of(0.75, 0.25), 12.25),
                        new PredictionMadeBatch.Prediction(PredictionId.random(), AT.plusMillis(1), second, null, "no \"way\"",
                                Arrays.asList(null, 1.0), 0.5),
                        new PredictionMadeBatch.Prediction(PredictionId.random(), AT.plusMillis(2), second, 2.5, null, null, 0.0),
                        new PredictionMadeBatch.Prediction(PredictionId.random(), AT.plusMillis(3), second, 2.5, null, List.of(), 0.0)));
    }

    private static String json(PredictionMadeBatch batch) {
        return EventJson.write(EventEnvelope.wrap("inference-service", batch, Clock.systemUTC()));
    }

    @Test
    void aBatchGivesTheRowsOfItsPredictionsSentOneByOne() {
        PredictionMadeBatch batch = batch();
        List<PredictionRow> singles = new ArrayList<>();
        batch.expand().forEach(p -> singles.add(read(json(p))));

        List<PredictionRow> rows = readAll(json(batch));

        assertThat(rows).isEqualTo(singles);
        assertThat(rows.get(0).featuresJson()).startsWith("{\"city\":\"Zürich \\\"old\\\"\\ttown\",\"temp\":21.5,\"missing\":null,");
        assertThat(rows.get(1).probabilitiesJson()).isEqualTo("{\"yes\":null,\"no \\\"way\\\"\":1.0}");
        assertThat(rows.get(2).probabilitiesJson()).isNull();
        assertThat(rows.get(3).probabilitiesJson()).isNull();
    }

    @Test
    void aBatchReadsTheSameWhateverItsWhitespaceAndFieldOrder() {
        PredictionMadeBatch batch = batch();
        List<PredictionRow> compact = readAll(json(batch));
        var tree = (tools.jackson.databind.node.ObjectNode) EventJson.mapper().readTree(json(batch));
        // the payload first, the type last; the payload's own fields reversed; indented, with spaces around commas
        var reordered = EventJson.mapper().createObjectNode();
        var payload = EventJson.mapper().createObjectNode();
        List<String> names = new ArrayList<>(tree.get("payload").propertyNames());
        java.util.Collections.reverse(names);
        names.forEach(n -> payload.set(n, tree.get("payload").get(n)));
        reordered.set("payload", payload);
        tree.propertyNames().stream().filter(n -> !n.equals("payload")).toList().reversed().forEach(n -> reordered.set(n, tree.get(n)));
        String pretty = EventJson.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(reordered).replace(",", " , ");

        List<PredictionRow> rows = readAll(pretty);

        assertThat(rows).hasSize(compact.size());
        for (int i = 0; i < rows.size(); i++) {
            assertThat(rows.get(i)).usingRecursiveComparison().ignoringFields("featuresJson", "probabilitiesJson").isEqualTo(compact.get(i));
            assertThat(EventJson.mapper().readTree(rows.get(i).featuresJson())).isEqualTo(EventJson.mapper().readTree(compact.get(i).featuresJson()));
            assertThat(rows.get(i).probabilitiesJson() == null ? null : EventJson.mapper().readTree(rows.get(i).probabilitiesJson()))
                    .isEqualTo(compact.get(i).probabilitiesJson() == null ? null : EventJson.mapper().readTree(compact.get(i).probabilitiesJson()));
        }
    }

    @Test
    void aBatchWhoseValuesDoNotMatchItsNamesIsRefusedWhole() {
        String good = json(batch());
        assertThat(readAll(good)).hasSize(4);
        assertThatThrownBy(() -> readAll(good.replace("\"featureNames\":[\"city\",", "\"featureNames\":[")))
                .isInstanceOf(MalformedEvent.class).hasMessageContaining("8 feature values for 7 feature names");
        assertThatThrownBy(() -> readAll(good.replace("\"classes\":[\"yes\",", "\"classes\":[")))
                .isInstanceOf(MalformedEvent.class).hasMessageContaining("2 probabilities for 1 classes");
        assertThatThrownBy(() -> readAll(good.replace("\"classes\":[\"yes\",\"no \\\"way\\\"\"]", "\"classes\":null")))
                .isInstanceOf(MalformedEvent.class).hasMessageContaining("2 probabilities for 0 classes");
        assertThatThrownBy(() -> readAll(good.replace("[0.75,0.25]", "[0.75,\"high\"]"))).isInstanceOf(MalformedEvent.class);
        assertThatThrownBy(() -> readAll(good.replace("\"featureNames\":[\"city\"", "\"featureNames\":[null")))
                .isInstanceOf(MalformedEvent.class).hasMessageContaining("must hold strings");
        assertThatThrownBy(() -> readAll(good.replace("\"predictions\":[", "\"predictions\":{\"x\":[").replace("]}}", "]}}}")))
                .isInstanceOf(MalformedEvent.class);
        assertThatThrownBy(() -> readAll(good.replaceFirst("\"predictionId\":\"[^\"]+\",", "")))
                .isInstanceOf(MalformedEvent.class).hasMessageContaining("predictionId and at are required");
    }
}
