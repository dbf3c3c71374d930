package io.mlops.monitoring.window;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mlops.domain.id.ModelVersionRef;
import io.mlops.domain.id.PredictionId;
import io.mlops.events.EventEnvelope;
import io.mlops.events.EventJson;
import io.mlops.events.MalformedEvent;
import io.mlops.events.PredictionMade;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The intake's one-pass reading of PredictionMade: the same values and envelope checks as {@code EventJson.read}. */
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
        assertThatThrownBy(() -> read(good.replace("\"type\":\"PredictionMade\"", "\"type\":\"DriftDetected\""))).isInstanceOf(MalformedEvent.class).hasMessageContaining("expected a PredictionMade");
        assertThat(read(good).predictionId()).isNotNull();
    }
}
