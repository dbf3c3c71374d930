package io.mlops.monitoring.window;

import io.mlops.domain.id.ModelVersionRef;
import io.mlops.events.EventContentTypes;
import io.mlops.events.EventJson;
import io.mlops.events.EventType;
import io.mlops.events.MalformedEvent;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.avro.AvroRuntimeException;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.DecoderFactory;
import tools.jackson.core.JacksonException;

/**
 * Reads a PredictionMadeBatch record in Avro binary ({@link EventContentTypes#PREDICTION_MADE_BATCH_AVRO}, common-domain's
 * {@code PredictionMadeBatch.avsc}) with Avro's decoder, field by field in the schema's order, into the rows the intake
 * stores: the same rows, features and probabilities the same JSON text, as {@link PredictionRowDeserializer} gives for
 * the JSON envelope of the same batch (values as Jackson writes them: {@code Double.toString}, whole numbers without a
 * fraction, text quoted and escaped, a non-finite double as a string). {@code PredictionBatchAvroTest} holds the two
 * to each other. Anything that does not decode, leaves bytes over, or whose value lists do not match its name lists
 * throws {@link MalformedEvent}: the whole record goes to the DLT.
 */
final class PredictionBatchAvro {

    private static final String BATCH = EventType.PREDICTION_MADE_BATCH.wireName();
    /**
     * Most JSON text one record may expand to. Every prediction repeats the batch's names in its features text, so a
     * hostile record of one huge name and many tiny predictions would otherwise expand to gigabytes; the producer's
     * records are below 1 MB ({@code max.request.size}) and expand a few times at most.
     */
    static final long MAX_TEXT_CHARS = 64L * 1024 * 1024;

    private PredictionBatchAvro() {
    }

    static List<PredictionRow> read(byte[] data) {
        try {
            return read(DecoderFactory.get().binaryDecoder(data, null));
        } catch (IOException | AvroRuntimeException | ArithmeticException | JacksonException | IllegalArgumentException e) {
            throw new MalformedEvent("invalid " + BATCH + " Avro record: " + e.getMessage(), e);
        }
    }

    private static List<PredictionRow> read(BinaryDecoder in) throws IOException {
        byte[] uuid = new byte[16];
        in.readFixed(uuid); // eventId: deduping goes by prediction id (PredictionBatchListener)
        in.readLong();      // occurredAt
        in.readString();    // source
        in.readString();    // key
        ModelVersionRef model = new ModelVersionRef(in.readString(), in.readInt());
        if (branch(in, 1, "alias") == 1) {
            in.skipString();
        }
        in.readBoolean();   // shadow
        String[] names = keys(strings(in));
        String[] classes = branch(in, 1, "classes") == 1 ? keys(strings(in)) : null;
        List<PredictionRow> rows = new ArrayList<>();
        StringBuilder text = new StringBuilder(256);
        StringBuilder spare = new StringBuilder(); // where values past the names are written and forgotten
        long textChars = 0;
        for (long n = in.readArrayStart(); n != 0; n = in.arrayNext()) {
            for (long i = 0; i < n; i++) {
                UUID predictionId = branch(in, 1, "predictionId") == 1 ? uuid(in, uuid) : null;
                Instant at = branch(in, 1, "at") == 1 ? instant(in.readLong()) : null;
                if (predictionId == null || at == null) {
                    throw new MalformedEvent("invalid " + BATCH + " event: each prediction's predictionId and at are required");
                }
                String features = features(in, names, predictionId, text, spare);
                Double value = branch(in, 1, "value") == 1 ? in.readDouble() : null;
                String label = branch(in, 1, "label") == 1 ? in.readString() : null;
                String probabilities = branch(in, 1, "probabilities") == 1 ? probabilities(in, classes, predictionId, text, spare) : null;
                textChars += features.length() + (probabilities == null ? 0 : probabilities.length());
                if (textChars > MAX_TEXT_CHARS) {
                    throw new MalformedEvent("invalid " + BATCH + " Avro record: its predictions' features and probabilities pass "
                            + MAX_TEXT_CHARS + " characters of JSON");
                }
                rows.add(new PredictionRow(predictionId, model, at, features, value, label, probabilities, in.readDouble()));
            }
        }
        if (!in.isEnd()) {
            throw new MalformedEvent("invalid " + BATCH + " Avro record: bytes left after the datum");
        }
        return rows;
    }

    /** {@code {"name":value,...}} in the batch's name order, each value's text as the JSON envelope carries it. */
    private static String features(BinaryDecoder in, String[] names, UUID id, StringBuilder text, StringBuilder spare)
            throws IOException {
        text.setLength(0);
        text.append('{');
        int count = 0;
        for (long n = in.readArrayStart(); n != 0; n = in.arrayNext()) {
            for (long i = 0; i < n; i++, count++) {
                // past the names the values are still decoded, so that the error can say how many there were
                StringBuilder to = count < names.length ? text.append(count == 0 ? "" : ",").append(names[count]) : spare;
                switch (branch(in, 5, "features")) {
                    case 0 -> to.append("null");
                    case 1 -> number(to, in.readDouble());
                    case 2 -> to.append(in.readLong());
                    case 3 -> to.append(in.readBoolean());
                    case 4 -> to.append(EventJson.mapper().writeValueAsString(in.readString()));
                    default -> to.append(json(in.readString()));
                }
                spare.setLength(0);
            }
        }
        if (count != names.length) {
            throw countMismatch(id, count, "feature values", names.length, "feature names");
        }
        return text.append('}').toString();
    }

    /** {@code {"class":p,...}}, or null when there are none (as for an empty object in JSON). */
    private static String probabilities(BinaryDecoder in, String[] classes, UUID id, StringBuilder text, StringBuilder spare)
            throws IOException {
        text.setLength(0);
        text.append('{');
        int count = 0;
        int expected = classes == null ? 0 : classes.length;
        for (long n = in.readArrayStart(); n != 0; n = in.arrayNext()) {
            for (long i = 0; i < n; i++, count++) {
                StringBuilder to = count < expected ? text.append(count == 0 ? "" : ",").append(classes[count]) : spare;
                if (branch(in, 1, "probabilities") == 0) {
                    to.append("null");
                } else {
                    number(to, in.readDouble());
                }
                spare.setLength(0);
            }
        }
        if (count == 0) {
            return null;
        }
        if (count != expected) {
            throw countMismatch(id, count, "probabilities", expected, "classes");
        }
        return text.append('}').toString();
    }

    /** A double as Jackson writes it: {@code Double.toString}, and the non-finite ones as strings. */
    private static void number(StringBuilder text, double d) {
        if (Double.isFinite(d)) {
            text.append(d);
        } else {
            text.append('"').append(d).append('"');
        }
    }

    /** The Json branch: another JSON value as its text; checked, since it is stored as part of the features' JSON. */
    private static String json(String value) {
        if (EventJson.mapper().readTree(value).isMissingNode()) { // empty or blank text reads as "missing", not an error
            throw new MalformedEvent("invalid " + BATCH + " Avro record: a feature value of the Json branch holds no JSON");
        }
        return value;
    }

    private static MalformedEvent countMismatch(UUID id, int count, String what, int expected, String of) {
        return new MalformedEvent("invalid " + BATCH + " event: prediction " + id + " has " + count + " " + what + " for "
                + expected + " " + of);
    }

    private static int branch(BinaryDecoder in, int max, String field) throws IOException {
        int index = in.readIndex();
        if (index < 0 || index > max) {
            throw new MalformedEvent("invalid " + BATCH + " Avro record: union branch " + index + " of '" + field + "'");
        }
        return index;
    }

    private static List<String> strings(BinaryDecoder in) throws IOException {
        List<String> out = new ArrayList<>();
        for (long n = in.readArrayStart(); n != 0; n = in.arrayNext()) {
            for (long i = 0; i < n; i++) {
                out.add(in.readString());
            }
        }
        return out;
    }

    /** Each name as the JSON text of an object key, {@code "name":}. */
    private static String[] keys(List<String> names) {
        String[] keys = new String[names.size()];
        for (int i = 0; i < keys.length; i++) {
            keys[i] = PredictionRowDeserializer.objectKey(names.get(i));
        }
        return keys;
    }

    private static UUID uuid(BinaryDecoder in, byte[] bytes) throws IOException {
        in.readFixed(bytes);
        long high = 0;
        long low = 0;
        for (int b = 0; b < 8; b++) {
            high = (high << 8) | (bytes[b] & 0xFF);
            low = (low << 8) | (bytes[8 + b] & 0xFF);
        }
        return new UUID(high, low);
    }

    private static Instant instant(long nanos) {
        return Instant.ofEpochSecond(Math.floorDiv(nanos, 1_000_000_000L), Math.floorMod(nanos, 1_000_000_000L));
    }
}
