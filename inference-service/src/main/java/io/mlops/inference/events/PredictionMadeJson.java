package io.mlops.inference.events;

import static io.mlops.inference.events.OutcomeJson.string;

import io.mlops.events.EventJson;
import io.mlops.events.EventType;
import io.mlops.events.PredictionMade;
import io.mlops.inference.serving.FeatureRow;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.SerializableString;
import tools.jackson.core.io.SerializedString;
import tools.jackson.core.util.ByteArrayBuilder;

/**
 * Writes a PredictionMade envelope straight to a generator of {@link EventJson}'s mapper: the bytes
 * {@code EventJson.writeBytes} writes through databind (record component order, nulls included, numbers through the
 * generator's own {@code writeNumber}, the Instant as ISO-8601), without the per-event serializer dispatch, the boxing
 * of a {@link FeatureRow}'s doubles into map entries, or a second formatting of a timestamp already written. The
 * envelope JSON of 64 features and 10 probabilities was ~70 % of the sender thread (bench/inference/README.md).
 * {@code PredictionMadeJsonTest} holds it to {@code EventJson.writeBytes}; a field added to {@link PredictionMade}
 * or the envelope must be added here too (that test fails until it is). One instance per sender thread: not
 * thread-safe (it reuses its output buffer and remembers the last timestamps it formatted).
 */
final class PredictionMadeJson {

    private static final EventType TYPE = EventType.PREDICTION_MADE;
    private static final SerializableString EVENT_ID = new SerializedString("eventId");
    private static final SerializableString TYPE_NAME = new SerializedString("type");
    private static final SerializableString SCHEMA_VERSION = new SerializedString("schemaVersion");
    private static final SerializableString OCCURRED_AT = new SerializedString("occurredAt");
    private static final SerializableString SOURCE = new SerializedString("source");
    private static final SerializableString KEY = new SerializedString("key");
    private static final SerializableString PAYLOAD = new SerializedString("payload");
    private static final SerializableString PREDICTION_ID = new SerializedString("predictionId");
    private static final SerializableString MODEL = new SerializedString("model");
    private static final SerializableString ALIAS = new SerializedString("alias");
    private static final SerializableString AT = new SerializedString("at");
    private static final SerializableString FEATURES = new SerializedString("features");
    private static final SerializableString VALUE = new SerializedString("value");
    private static final SerializableString LABEL = new SerializedString("label");
    private static final SerializableString PROBABILITIES = new SerializedString("probabilities");
    private static final SerializableString LATENCY_MS = new SerializedString("latencyMs");
    private static final SerializableString SHADOW = new SerializedString("shadow");
    private static final SerializableString TYPE_VALUE = new SerializedString(TYPE.wireName());

    private final ByteArrayBuilder out = new ByteArrayBuilder(4096);
    private final SerializableString source;
    // The rows of one request share their Instant, and a drained batch shares its occurredAt: format each once.
    private final LastInstant occurred = new LastInstant();
    private final LastInstant at = new LastInstant();

    PredictionMadeJson(String source) {
        this.source = new SerializedString(source);
    }

    byte[] write(UUID eventId, Instant occurredAt, String key, PredictionMade event) {
        out.reset();
        try (JsonGenerator g = EventJson.mapper().createGenerator(out)) {
            g.writeStartObject();
            g.writeName(EVENT_ID);
            g.writeString(eventId.toString());
            g.writeName(TYPE_NAME);
            g.writeString(TYPE_VALUE);
            g.writeName(SCHEMA_VERSION);
            g.writeNumber(TYPE.schemaVersion());
            g.writeName(OCCURRED_AT);
            g.writeString(occurred.text(occurredAt));
            g.writeName(SOURCE);
            g.writeString(source);
            g.writeName(KEY);
            g.writeString(key);
            g.writeName(PAYLOAD);
            payload(g, event);
            g.writeEndObject();
        }
        return out.toByteArray();
    }

    private void payload(JsonGenerator g, PredictionMade event) {
        g.writeStartObject();
        g.writeName(PREDICTION_ID);
        string(g, event.predictionId() == null ? null : event.predictionId().toString());
        g.writeName(MODEL);
        OutcomeJson.model(g, event.model());
        g.writeName(ALIAS);
        string(g, event.alias());
        g.writeName(AT);
        string(g, event.at() == null ? null : at.text(event.at()));
        g.writeName(FEATURES);
        features(g, event.features());
        g.writeName(VALUE);
        OutcomeJson.number(g, event.value());
        g.writeName(LABEL);
        string(g, event.label());
        g.writeName(PROBABILITIES);
        OutcomeJson.probabilities(g, event.probabilities());
        g.writeName(LATENCY_MS);
        g.writeNumber(event.latencyMs());
        g.writeName(SHADOW);
        g.writeBoolean(event.shadow());
        g.writeEndObject();
    }

    private static void features(JsonGenerator g, Map<String, Object> features) {
        if (features == null) {
            g.writeNull();
        } else if (features instanceof FeatureRow row) {
            row.writeJson(g);
        } else {
            g.writeStartObject();
            for (Map.Entry<String, Object> f : features.entrySet()) {
                g.writeName(f.getKey());
                value(g, f.getValue());
            }
            g.writeEndObject();
        }
    }

    /** A map value as databind writes it: the common scalar types directly, anything else through the mapper. */
    private static void value(JsonGenerator g, Object value) {
        switch (value) {
            case null -> g.writeNull();
            case Double d -> g.writeNumber(d.doubleValue());
            case Integer i -> g.writeNumber(i.intValue());
            case String s -> g.writeString(s);
            default -> g.writePOJO(value);
        }
    }

    /**
     * Instant.toString (ISO_INSTANT, what Jackson's InstantSerializer writes), remembering the last instant and the
     * text of its second: DateTimeFormatter took ~6 % of the envelope JSON, and consecutive events share their second.
     * ISO_INSTANT writes the fraction in groups of three digits, none when it is zero.
     */
    static final class LastInstant {

        private Instant instant;
        private String text;
        private long second = Long.MIN_VALUE;
        private String secondText; // "2026-11-28T04:00:00" without the 'Z'
        private final StringBuilder buffer = new StringBuilder(40);

        String text(Instant next) {
            if (next.equals(instant)) {
                return text;
            }
            if (next.getEpochSecond() != second) {
                second = next.getEpochSecond();
                String whole = Instant.ofEpochSecond(second).toString();
                secondText = whole.substring(0, whole.length() - 1);
            }
            int nano = next.getNano();
            buffer.setLength(0);
            buffer.append(secondText);
            if (nano != 0) {
                int digits = nano % 1_000_000 == 0 ? 3 : nano % 1_000 == 0 ? 6 : 9;
                int value = digits == 3 ? nano / 1_000_000 : digits == 6 ? nano / 1_000 : nano;
                buffer.append('.');
                for (int scale = digits == 3 ? 100 : digits == 6 ? 100_000 : 100_000_000; scale > 0; scale /= 10) {
                    buffer.append((char) ('0' + value / scale % 10));
                }
            }
            instant = next;
            text = buffer.append('Z').toString();
            return text;
        }
    }
}
