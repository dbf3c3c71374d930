package io.mlops.monitoring.window;

import io.mlops.domain.id.ModelVersionRef;
import io.mlops.events.EventJson;
import io.mlops.events.EventType;
import io.mlops.events.MalformedEvent;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;
import org.apache.kafka.common.serialization.Deserializer;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;

/**
 * Reads a PredictionMade envelope in one streaming pass over the record's bytes, keeping only what the intake stores.
 * The platform's {@code EventJson.read} builds the whole envelope as a tree and then the payload record with its
 * features Map, which the intake only re-encoded to JSON for the COPY: that was half the consumer threads' CPU
 * (bench/monitoring/README.md). Here the features and probabilities objects are kept as their bytes' JSON text.
 * The envelope checks are EventJson's: a JSON object, a known type, schemaVersion 1..known, eventId a UUID,
 * occurredAt/source/key/payload present; anything else, or another event type than PredictionMade, throws
 * {@link MalformedEvent}, which the ErrorHandlingDeserializer turns into a dead letter. Field order does not matter.
 */
class PredictionRowDeserializer implements Deserializer<PredictionRow> {

    private static final EventType TYPE = EventType.PREDICTION_MADE;

    @Override
    public PredictionRow deserialize(String topic, byte[] data) {
        return data == null ? null : read(data);
    }

    static PredictionRow read(byte[] json) {
        try (JsonParser p = EventJson.mapper().createParser(json)) {
            return read(p, json);
        } catch (JacksonException e) {
            throw new MalformedEvent("not JSON: " + e.getOriginalMessage(), e);
        } catch (IllegalArgumentException | java.time.DateTimeException e) {
            throw new MalformedEvent("invalid " + TYPE.wireName() + " event: " + e.getMessage(), e);
        }
    }

    private static PredictionRow read(JsonParser p, byte[] json) {
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
        if (known != TYPE) {
            // the topic carries PredictionMade only; anything else is a producer's mistake, made visible on the DLT
            throw new MalformedEvent("expected a " + TYPE.wireName() + " event, got " + typeName);
        }
        required(eventId, "eventId");
        required(occurredAt, "occurredAt");
        required(source, "source");
        required(key, "key");
        required(payload != null, "payload");
        return payload.row();
    }

    private static void required(boolean present, String field) {
        if (!present) {
            throw new MalformedEvent("event field '" + field + "' is missing");
        }
    }

    /** The payload's fields as read; unknown ones (alias, shadow, newer additions) are skipped. */
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

        PredictionRow row() {
            if (predictionId == null || model == null || at == null) {
                throw new MalformedEvent("invalid " + TYPE.wireName() + " event: predictionId, model and at are required");
            }
            return new PredictionRow(predictionId, new ModelVersionRef(model, version), at, features, value, label, probabilities, latencyMs);
        }
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
                default -> p.skipChildren();
            }
        }
        return out;
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
