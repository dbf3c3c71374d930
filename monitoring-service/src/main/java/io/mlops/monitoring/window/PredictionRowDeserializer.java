package io.mlops.monitoring.window;

import io.mlops.domain.id.ModelVersionRef;
import io.mlops.events.EventContentTypes;
import io.mlops.events.EventJson;
import io.mlops.events.EventType;
import io.mlops.events.MalformedEvent;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.Deserializer;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;

/**
 * Reads a record of {@code mlops.predictions.made} in one streaming pass over its bytes, keeping only what the intake
 * stores: a PredictionMadeBatch envelope (what the inference-service sends) gives one row per prediction, a single
 * PredictionMade envelope (older producers, records already on the topic) one row. The platform's {@code EventJson.read}
 * builds the whole envelope as a tree and then the payload record with its features Map, which the intake only
 * re-encoded to JSON for the COPY: that was half the consumer threads' CPU (bench/monitoring/README.md). Here the
 * features and probabilities are kept as JSON text: a single event's objects as their bytes, a batch's value arrays
 * joined with the batch's names into the same objects (each value's bytes as the producer wrote them).
 * The envelope checks are EventJson's: a JSON object, a known type, schemaVersion 1..known, eventId a UUID,
 * occurredAt/source/key/payload present; anything else, another event type, or a batch whose value lists do not match
 * its name lists throws {@link MalformedEvent}, which the ErrorHandlingDeserializer turns into a dead letter (the
 * whole record: its predictions go together). Field order does not matter.
 */
class PredictionRowDeserializer implements Deserializer<List<PredictionRow>> {

    private static final EventType TYPE = EventType.PREDICTION_MADE;
    private static final EventType BATCH = EventType.PREDICTION_MADE_BATCH;

    @Override
    public List<PredictionRow> deserialize(String topic, byte[] data) {
        return data == null ? null : read(data);
    }

    /**
     * By the record's {@code content-type} header: Avro binary ({@link PredictionBatchAvro}), or JSON (the header's
     * {@code application/json}, or no header: older producers). Any other encoding is a producer's mistake: MalformedEvent.
     */
    @Override
    public List<PredictionRow> deserialize(String topic, Headers headers, byte[] data) {
        if (data == null) {
            return null;
        }
        Header header = headers == null ? null : headers.lastHeader(EventContentTypes.HEADER);
        if (header == null) {
            return read(data);
        }
        if (header.value() == null) {
            throw new MalformedEvent("the " + EventContentTypes.HEADER + " header of a record on " + topic + " has no value");
        }
        String type = new String(header.value(), StandardCharsets.US_ASCII);
        if (type.equals(EventContentTypes.PREDICTION_MADE_BATCH_AVRO)) {
            return PredictionBatchAvro.read(data);
        }
        if (type.equals(EventContentTypes.JSON)) {
            return read(data);
        }
        throw new MalformedEvent("unsupported content-type '" + type + "' on " + topic + " (this consumer reads "
                + EventContentTypes.JSON + " and " + EventContentTypes.PREDICTION_MADE_BATCH_AVRO + ")");
    }

    static List<PredictionRow> read(byte[] json) {
        try (JsonParser p = EventJson.mapper().createParser(json)) {
            return read(p, json);
        } catch (JacksonException e) {
            throw new MalformedEvent("not JSON: " + e.getOriginalMessage(), e);
        } catch (IllegalArgumentException | java.time.DateTimeException e) {
            throw new MalformedEvent("invalid " + TYPE.wireName() + " event: " + e.getMessage(), e);
        }
    }

    private static List<PredictionRow> read(JsonParser p, byte[] json) {
        if (p.nextToken() != JsonToken.START_OBJECT) {
            throw new MalformedEvent("an event must be a JSON object");
        }
        String type = null;
        int version = 0;
        boolean eventId = false;
        boolean occurredAt = false;
        boolean source = false;
        boolean key = false;
        Payload payload = null;
        for (String name = p.nextName(); name != null; name = p.nextName()) {
            JsonToken t = p.nextToken();
            switch (name) {
                case "type" -> type = t == JsonToken.VALUE_NULL ? null : p.getValueAsString();
                case "schemaVersion" -> version = p.getValueAsInt(0);
                case "eventId" -> eventId = t != JsonToken.VALUE_NULL && uuid(p, "eventId") != null;
                case "occurredAt" -> occurredAt = t != JsonToken.VALUE_NULL && instant(p) != null;
                case "source" -> source = t != JsonToken.VALUE_NULL;
                case "key" -> key = t != JsonToken.VALUE_NULL;
                case "payload" -> payload = t == JsonToken.VALUE_NULL ? null : payload(p, json);
                default -> p.skipChildren();
            }
        }
        String typeName = type;
        if (typeName == null) {
            throw new MalformedEvent("event field 'type' is missing");
        }
        EventType known = EventType.byWireName(typeName).orElseThrow(() -> new MalformedEvent("unknown event type '" + typeName + "'"));
        if (version < 1 || version > known.schemaVersion()) {
            throw new MalformedEvent("unsupported schemaVersion " + version + " for " + typeName
                    + " (this consumer understands 1.." + known.schemaVersion() + ")");
        }
        if (known != TYPE && known != BATCH) {
            // the topic carries PredictionMade (single or batched) only; anything else is a producer's mistake, made visible on the DLT
            throw new MalformedEvent("expected a " + TYPE.wireName() + " or " + BATCH.wireName() + " event, got " + typeName);
        }
        required(eventId, "eventId");
        required(occurredAt, "occurredAt");
        required(source, "source");
        required(key, "key");
        required(payload != null, "payload");
        return known == TYPE ? List.of(payload.row()) : payload.rows(json);
    }

    private static void required(boolean present, String field) {
        if (!present) {
            throw new MalformedEvent("event field '" + field + "' is missing");
        }
    }

    /**
     * The payload's fields as read, of either type (the type may come after the payload, so both are read until it is
     * known); unknown ones (alias, shadow, newer additions) are skipped.
     */
    private static final class Payload {
        UUID predictionId;
        String model;
        int version;
        Instant at;
        String features = "{}";
        Double value;
        String label;
        String probabilities;
        double latencyMs;
        // PredictionMadeBatch
        List<String> featureNames = List.of();
        List<String> classes;
        List<Item> predictions = List.of();

        PredictionRow row() {
            if (predictionId == null || model == null || at == null) {
                throw new MalformedEvent("invalid " + TYPE.wireName() + " event: predictionId, model and at are required");
            }
            return new PredictionRow(predictionId, new ModelVersionRef(model, version), at, features, value, label, probabilities, latencyMs);
        }

        List<PredictionRow> rows(byte[] json) {
            if (model == null) {
                throw new MalformedEvent("invalid " + BATCH.wireName() + " event: model is required");
            }
            ModelVersionRef ref = new ModelVersionRef(model, version);
            byte[][] names = keys(featureNames);
            byte[][] classKeys = classes == null ? null : keys(classes);
            List<PredictionRow> rows = new ArrayList<>(predictions.size());
            for (Item item : predictions) {
                if (item.predictionId == null || item.at == null) {
                    throw new MalformedEvent("invalid " + BATCH.wireName() + " event: each prediction's predictionId and at are required");
                }
                if (item.features.length / 2 != names.length) {
                    throw new MalformedEvent("invalid " + BATCH.wireName() + " event: prediction " + item.predictionId + " has "
                            + item.features.length / 2 + " feature values for " + names.length + " feature names");
                }
                String probabilitiesText = null;
                if (item.probabilities != null && item.probabilities.length > 0) {
                    if (classKeys == null || item.probabilities.length / 2 != classKeys.length) {
                        throw new MalformedEvent("invalid " + BATCH.wireName() + " event: prediction " + item.predictionId + " has "
                                + item.probabilities.length / 2 + " probabilities for " + (classKeys == null ? 0 : classKeys.length) + " classes");
                    }
                    probabilitiesText = object(json, classKeys, item.probabilities);
                }
                rows.add(new PredictionRow(item.predictionId, ref, item.at, object(json, names, item.features), item.value, item.label,
                        probabilitiesText, item.latencyMs));
            }
            return rows;
        }
    }

    /** One prediction of a batch: its values' byte spans in the record ({@code [start, end)} pairs), not yet joined with names. */
    private static final class Item {
        UUID predictionId;
        Instant at;
        int[] features = new int[0];
        Double value;
        String label;
        int[] probabilities;
        double latencyMs;
    }

    /** Each name as the JSON text of an object key, {@code "name":}, encoded once per record. */
    private static byte[][] keys(List<String> names) {
        byte[][] keys = new byte[names.size()][];
        for (int i = 0; i < keys.length; i++) {
            keys[i] = objectKey(names.get(i)).getBytes(StandardCharsets.UTF_8);
        }
        return keys;
    }

    /** A name as the JSON text of an object key, {@code "name":} (also {@link PredictionBatchAvro}'s). */
    static String objectKey(String name) {
        return EventJson.mapper().writeValueAsString(name) + ":";
    }

    /** The JSON object of these keys and the values at these spans of the record's bytes: what a single event carried. */
    private static String object(byte[] json, byte[][] keys, int[] spans) {
        int length = 2 + Math.max(0, keys.length - 1);
        for (int i = 0; i < keys.length; i++) {
            length += keys[i].length + spans[2 * i + 1] - spans[2 * i];
        }
        byte[] out = new byte[length];
        int at = 0;
        out[at++] = '{';
        for (int i = 0; i < keys.length; i++) {
            if (i > 0) {
                out[at++] = ',';
            }
            System.arraycopy(keys[i], 0, out, at, keys[i].length);
            at += keys[i].length;
            int start = spans[2 * i];
            int n = spans[2 * i + 1] - start;
            System.arraycopy(json, start, out, at, n);
            at += n;
        }
        out[at] = '}';
        return new String(out, StandardCharsets.UTF_8);
    }

    private static Payload payload(JsonParser p, byte[] json) {
        expectObject(p, "payload");
        Payload out = new Payload();
        for (String name = p.nextName(); name != null; name = p.nextName()) {
            JsonToken t = p.nextToken();
            boolean isNull = t == JsonToken.VALUE_NULL;
            switch (name) {
                case "predictionId" -> out.predictionId = isNull ? null : uuid(p, "predictionId");
                case "model" -> model(p, out);
                case "at" -> out.at = instant(p);
                case "features" -> out.features = isNull ? "{}" : objectText(p, json, "features", false);
                case "value" -> out.value = isNull ? null : number(p, "value");
                case "label" -> out.label = isNull ? null : scalarText(p, "label");
                case "probabilities" -> out.probabilities = isNull ? null : objectText(p, json, "probabilities", true);
                case "latencyMs" -> out.latencyMs = isNull ? 0 : number(p, "latencyMs");
                case "featureNames" -> out.featureNames = isNull ? List.of() : strings(p, "featureNames");
                case "classes" -> out.classes = isNull ? null : strings(p, "classes");
                case "predictions" -> out.predictions = isNull ? List.of() : items(p, json);
                default -> p.skipChildren();
            }
        }
        return out;
    }

    private static List<String> strings(JsonParser p, String field) {
        expectArray(p, field);
        List<String> out = new ArrayList<>();
        while (p.nextToken() != JsonToken.END_ARRAY) {
            if (p.currentToken() == JsonToken.VALUE_NULL) {
                throw new MalformedEvent("invalid " + BATCH.wireName() + " event: '" + field + "' must hold strings, not null");
            }
            out.add(scalarText(p, field));
        }
        return out;
    }

    private static List<Item> items(JsonParser p, byte[] json) {
        expectArray(p, "predictions");
        List<Item> items = new ArrayList<>();
        while (p.nextToken() != JsonToken.END_ARRAY) {
            expectObject(p, "predictions[]");
            Item item = new Item();
            for (String name = p.nextName(); name != null; name = p.nextName()) {
                JsonToken t = p.nextToken();
                boolean isNull = t == JsonToken.VALUE_NULL;
                switch (name) {
                    case "predictionId" -> item.predictionId = isNull ? null : uuid(p, "predictionId");
                    case "at" -> item.at = instant(p);
                    case "features" -> item.features = isNull ? new int[0] : spans(p, json, "features", false);
                    case "value" -> item.value = isNull ? null : number(p, "value");
                    case "label" -> item.label = isNull ? null : scalarText(p, "label");
                    case "probabilities" -> item.probabilities = isNull ? null : spans(p, json, "probabilities", true);
                    case "latencyMs" -> item.latencyMs = isNull ? 0 : number(p, "latencyMs");
                    default -> p.skipChildren();
                }
            }
            items.add(item);
        }
        return items;
    }

    /**
     * The byte spans of the array's values ({@code [start, end)} pairs): from a value's first byte to the next token's,
     * less the comma and whitespace between (skipChildren still tokenizes nested values, so each span is well-formed
     * JSON). Probabilities must be numbers or null, as in a single event.
     */
    private static int[] spans(JsonParser p, byte[] json, String field, boolean numbers) {
        expectArray(p, field);
        int[] spans = new int[16];
        int n = 0;
        JsonToken t = p.nextToken();
        while (t != JsonToken.END_ARRAY) {
            int start = (int) p.currentTokenLocation().getByteOffset();
            if (numbers && t != JsonToken.VALUE_NULL) {
                number(p, field);
            }
            p.skipChildren();
            t = p.nextToken();
            int end = (int) p.currentTokenLocation().getByteOffset();
            while (end > start && whitespace(json[end - 1])) {
                end--;
            }
            if (t != JsonToken.END_ARRAY && json[end - 1] == ',') {
                end--;
                while (end > start && whitespace(json[end - 1])) {
                    end--;
                }
            }
            if (n + 2 > spans.length) {
                spans = Arrays.copyOf(spans, spans.length * 2);
            }
            spans[n++] = start;
            spans[n++] = end;
        }
        return Arrays.copyOf(spans, n);
    }

    private static boolean whitespace(byte b) {
        return b == ' ' || b == '\t' || b == '\n' || b == '\r';
    }

    private static void expectArray(JsonParser p, String field) {
        if (p.currentToken() != JsonToken.START_ARRAY) {
            throw new MalformedEvent("invalid " + BATCH.wireName() + " event: '" + field + "' must be an array");
        }
    }

    private static void model(JsonParser p, Payload out) {
        if (p.currentToken() == JsonToken.VALUE_NULL) {
            return;
        }
        expectObject(p, "model");
        for (String name = p.nextName(); name != null; name = p.nextName()) {
            JsonToken t = p.nextToken();
            switch (name) {
                case "model" -> out.model = t == JsonToken.VALUE_NULL ? null : scalarText(p, "model.model");
                case "version" -> out.version = (int) number(p, "model.version");
                default -> p.skipChildren();
            }
        }
    }

    /**
     * The JSON text of the object at the parser, as the bytes between its braces' offsets (skipChildren still
     * tokenizes, so the text is well-formed JSON). Probabilities must hold numbers (they are read back as numbers for
     * ROC AUC) and an empty object is stored as null, as before.
     */
    private static String objectText(JsonParser p, byte[] json, String field, boolean numbers) {
        expectObject(p, field);
        int start = (int) p.currentTokenLocation().getByteOffset();
        boolean empty = true;
        if (numbers) {
            for (String name = p.nextName(); name != null; name = p.nextName()) {
                if (p.nextToken() != JsonToken.VALUE_NULL) {
                    number(p, field + "." + name);
                }
                empty = false;
            }
        } else {
            p.skipChildren();
            empty = false;
        }
        if (numbers && empty) {
            return null;
        }
        int end = (int) p.currentTokenLocation().getByteOffset() + 1;
        return new String(json, start, end - start, StandardCharsets.UTF_8);
    }

    private static void expectObject(JsonParser p, String field) {
        if (p.currentToken() != JsonToken.START_OBJECT) {
            throw new MalformedEvent("invalid " + TYPE.wireName() + " event: '" + field + "' must be an object");
        }
    }

    /** Numbers as Jackson binds them to a Double: JSON numbers, or strings holding one. */
    private static double number(JsonParser p, String field) {
        return switch (p.currentToken()) {
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> p.getDoubleValue();
            case VALUE_STRING -> Double.parseDouble(p.getString().trim());
            default -> throw new MalformedEvent("invalid " + TYPE.wireName() + " event: '" + field + "' must be a number");
        };
    }

    private static UUID uuid(JsonParser p, String field) {
        if (p.currentToken() != JsonToken.VALUE_STRING) {
            throw new MalformedEvent("invalid event: '" + field + "' must be a UUID string");
        }
        return UUID.fromString(p.getString());
    }

    private static String scalarText(JsonParser p, String field) {
        if (!p.currentToken().isScalarValue()) {
            throw new MalformedEvent("invalid " + TYPE.wireName() + " event: '" + field + "' must be a string");
        }
        return p.getValueAsString();
    }

    /** ISO-8601 strings (what EventJson writes) directly; any other form Jackson's Instant binding accepts, through it. */
    private static Instant instant(JsonParser p) {
        if (p.currentToken() == JsonToken.VALUE_NULL) {
            return null;
        }
        if (p.currentToken() == JsonToken.VALUE_STRING) {
            try {
                return Instant.parse(p.getString());
            } catch (java.time.DateTimeException e) {
                // e.g. an offset other than Z: Jackson's binding below decides, as EventJson.read did
            }
        }
        return EventJson.mapper().readValue(p, Instant.class);
    }
}
