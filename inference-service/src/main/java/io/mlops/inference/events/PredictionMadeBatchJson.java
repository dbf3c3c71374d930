package io.mlops.inference.events;

import static io.mlops.inference.events.OutcomeJson.string;

import io.mlops.events.EventContentTypes;
import io.mlops.events.EventJson;
import io.mlops.events.EventType;
import io.mlops.events.PredictionMade;
import io.mlops.events.PredictionMadeBatch;
import io.mlops.inference.serving.FeatureRow;
import java.time.Instant;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.SerializableString;
import tools.jackson.core.io.SerializedString;
import tools.jackson.core.util.ByteArrayBuilder;

/**
 * Writes a {@link PredictionMadeBatch} envelope straight from buffered {@link PredictionMade} events to a generator of
 * {@link EventJson}'s mapper: the bytes {@code EventJson.writeBytes} writes through databind for the batch those events
 * make (record component order, nulls included, numbers through the generator's own {@code writeNumber}, Instants as
 * ISO-8601), without first building the batch's lists and boxing a FeatureRow's doubles. {@code PredictionMadeBatchJsonTest}
 * holds it to {@code EventJson.writeBytes}; a field added to the batch or the envelope must be added here too.
 * One instance per sender thread: not thread-safe (it reuses its output buffer and remembers timestamps it formatted).
 */
final class PredictionMadeBatchJson implements BatchRecordWriter {

    private static final EventType TYPE = EventType.PREDICTION_MADE_BATCH;
    private static final SerializableString EVENT_ID = new SerializedString("eventId");
    private static final SerializableString TYPE_NAME = new SerializedString("type");
    private static final SerializableString SCHEMA_VERSION = new SerializedString("schemaVersion");
    private static final SerializableString OCCURRED_AT = new SerializedString("occurredAt");
    private static final SerializableString SOURCE = new SerializedString("source");
    private static final SerializableString KEY = new SerializedString("key");
    private static final SerializableString PAYLOAD = new SerializedString("payload");
    private static final SerializableString MODEL = new SerializedString("model");
    private static final SerializableString ALIAS = new SerializedString("alias");
    private static final SerializableString SHADOW = new SerializedString("shadow");
    private static final SerializableString FEATURE_NAMES = new SerializedString("featureNames");
    private static final SerializableString CLASSES = new SerializedString("classes");
    private static final SerializableString PREDICTIONS = new SerializedString("predictions");
    private static final SerializableString PREDICTION_ID = new SerializedString("predictionId");
    private static final SerializableString AT = new SerializedString("at");
    private static final SerializableString FEATURES = new SerializedString("features");
    private static final SerializableString VALUE = new SerializedString("value");
    private static final SerializableString LABEL = new SerializedString("label");
    private static final SerializableString PROBABILITIES = new SerializedString("probabilities");
    private static final SerializableString LATENCY_MS = new SerializedString("latencyMs");
    private static final SerializableString TYPE_VALUE = new SerializedString(TYPE.wireName());

    private final ByteArrayBuilder out = new ByteArrayBuilder(64 * 1024);
    private final SerializableString source;
    private final LastInstant occurred = new LastInstant();
    private final LastInstant at = new LastInstant();
    private int written;

    PredictionMadeBatchJson(String source) {
        this.source = new SerializedString(source);
    }

    /** The names a prediction's feature values are listed by: a FeatureRow's layout, or a plain map's keys in order. */
    static List<String> featureNames(PredictionMade event) {
        Map<String, Object> features = event.features();
        if (features instanceof FeatureRow row) {
            return row.names();
        }
        return features == null || features.isEmpty() ? List.of() : List.copyOf(features.keySet());
    }

    @Override
    public byte[] write(UUID eventId, Instant occurredAt, List<PredictionMade> events, int from, int maxPredictions, int maxBytes) {
        PredictionMade first = events.get(from);
        List<String> names = featureNames(first);
        Map<String, Double> classes = first.probabilities();
        String key = first.aggregateKey();
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
            g.writeStartObject();
            g.writeName(MODEL);
            OutcomeJson.model(g, first.model());
            g.writeName(ALIAS);
            string(g, first.alias());
            g.writeName(SHADOW);
            g.writeBoolean(first.shadow());
            g.writeName(FEATURE_NAMES);
            g.writeStartArray(names, names.size());
            for (int i = 0; i < names.size(); i++) {
                g.writeString(names.get(i));
            }
            g.writeEndArray();
            g.writeName(CLASSES);
            if (classes == null) {
                g.writeNull();
            } else {
                g.writeStartArray(classes, classes.size());
                for (String c : classes.keySet()) {
                    g.writeString(c);
                }
                g.writeEndArray();
            }
            g.writeName(PREDICTIONS);
            g.writeStartArray();
            // Not from + maxPredictions, which overflows for a limit near Integer.MAX_VALUE and would take nothing.
            int end = from + Math.min(maxPredictions, events.size() - from);
            int i = from;
            while (i < end && (i == from || (g.streamWriteOutputBuffered() + out.size() < maxBytes
                    && sameClasses(classes, events.get(i).probabilities())))) {
                prediction(g, events.get(i));
                i++;
            }
            written = i - from;
            g.writeEndArray();
            g.writeEndObject();
            g.writeEndObject();
        }
        return out.toByteArray();
    }

    @Override
    public int written() {
        return written;
    }

    @Override
    public String contentType() {
        return EventContentTypes.JSON;
    }

    private void prediction(JsonGenerator g, PredictionMade event) {
        g.writeStartObject();
        g.writeName(PREDICTION_ID);
        string(g, event.predictionId() == null ? null : event.predictionId().toString());
        g.writeName(AT);
        string(g, event.at() == null ? null : at.text(event.at()));
        g.writeName(FEATURES);
        features(g, event.features());
        g.writeName(VALUE);
        OutcomeJson.number(g, event.value());
        g.writeName(LABEL);
        string(g, event.label());
        g.writeName(PROBABILITIES);
        Map<String, Double> probabilities = event.probabilities();
        if (probabilities == null) {
            g.writeNull();
        } else {
            g.writeStartArray(probabilities, probabilities.size());
            for (Double p : probabilities.values()) {
                OutcomeJson.number(g, p);
            }
            g.writeEndArray();
        }
        g.writeName(LATENCY_MS);
        g.writeNumber(event.latencyMs());
        g.writeEndObject();
    }

    private static void features(JsonGenerator g, Map<String, Object> features) {
        if (features instanceof FeatureRow row) {
            row.writeValues(g);
            return;
        }
        g.writeStartArray();
        if (features != null) {
            for (Object value : features.values()) {
                value(g, value);
            }
        }
        g.writeEndArray();
    }

    /** A list element as databind writes it: the common scalar types directly, anything else through the mapper. */
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
     * Whether {@code next}'s probabilities list the batch's classes in the same order (the labels of one model version
     * always do; the same String instances, so this is mostly reference compares). A batch of events without
     * probabilities (regression) takes only events without them, and an empty map counts as having none of the classes.
     */
    static boolean sameClasses(Map<String, Double> classes, Map<String, Double> next) {
        if (classes == next) {
            return true;
        }
        if (classes == null || next == null || classes.size() != next.size()) {
            return false;
        }
        Iterator<String> a = classes.keySet().iterator();
        for (String b : next.keySet()) {
            String c = a.next();
            if (c != b && !c.equals(b)) {
                return false;
            }
        }
        return true;
    }
}
