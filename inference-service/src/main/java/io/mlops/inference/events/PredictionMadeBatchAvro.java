package io.mlops.inference.events;

import io.mlops.events.EventContentTypes;
import io.mlops.events.EventJson;
import io.mlops.events.PredictionMade;
import io.mlops.inference.serving.FeatureRow;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.util.Utf8;

/**
 * Writes a PredictionMadeBatch as one Avro binary datum of common-domain's {@code PredictionMadeBatch.avsc}, straight
 * from buffered {@link PredictionMade} events with Avro's encoder, field by field in the schema's order, instead of
 * building a GenericRecord per prediction (which would box every feature value again). Feature values and probabilities
 * go out as 8-byte doubles: formatting them as decimal text was most of the sender's CPU in JSON (bench/inference/README.md),
 * and that CPU is the serving cores'. {@code PredictionMadeBatchAvroTest} decodes what this writes with Avro's generic
 * reader and the schema alone, so a field added to the schema must be added here too. Predictions go out as array
 * blocks of one (valid Avro) so that a record can close at {@code maxBytes} without knowing its count in advance.
 * One instance per sender thread: not thread-safe (it reuses its encoder and buffers).
 */
final class PredictionMadeBatchAvro implements BatchRecordWriter, FeatureRow.ValueVisitor {

    // the union branches of a feature value, in the schema's order
    private static final int NULL = 0;
    private static final int DOUBLE = 1;
    private static final int LONG = 2;
    private static final int BOOLEAN = 3;
    private static final int STRING = 4;
    private static final int JSON = 5;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
    private final Utf8 source;
    private final byte[] uuid = new byte[16];
    private BinaryEncoder encoder;
    private int written;

    PredictionMadeBatchAvro(String source) {
        this.source = new Utf8(source);
    }

    @Override
    public String contentType() {
        return EventContentTypes.PREDICTION_MADE_BATCH_AVRO;
    }

    @Override
    public int written() {
        return written;
    }

    @Override
    public byte[] write(UUID eventId, Instant occurredAt, List<PredictionMade> events, int from, int maxPredictions, int maxBytes) {
        PredictionMade first = events.get(from);
        List<String> names = PredictionMadeBatchJson.featureNames(first);
        Map<String, Double> classes = first.probabilities();
        // configure first: reusing the encoder flushes what a failed write left in its buffer, which the reset then drops
        encoder = EncoderFactory.get().binaryEncoder(out, encoder);
        out.reset();
        try {
            uuid(eventId);
            encoder.writeLong(nanos(occurredAt));
            encoder.writeString(source);
            encoder.writeString(first.aggregateKey());
            encoder.writeString(first.model().model());
            encoder.writeInt(first.model().version());
            nullableString(first.alias());
            encoder.writeBoolean(first.shadow());
            strings(names);
            if (classes == null) {
                encoder.writeIndex(0);
            } else {
                encoder.writeIndex(1);
                strings(List.copyOf(classes.keySet()));
            }
            encoder.writeArrayStart();
            // Not from + maxPredictions, which overflows for a limit near Integer.MAX_VALUE and would take nothing.
            int end = from + Math.min(maxPredictions, events.size() - from);
            int i = from;
            while (i < end && (i == from || (encoder.bytesBuffered() + out.size() < maxBytes
                    && PredictionMadeBatchJson.sameClasses(classes, events.get(i).probabilities())))) {
                encoder.setItemCount(1);
                encoder.startItem();
                prediction(events.get(i), names.size());
                i++;
            }
            written = i - from;
            encoder.writeArrayEnd();
            encoder.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a ByteArrayOutputStream does not throw
        }
        return out.toByteArray();
    }

    private void prediction(PredictionMade event, int features) throws IOException {
        // both always set by the service; nullable as in the JSON form, where the consumer decides what a missing one means
        if (event.predictionId() == null) {
            encoder.writeIndex(0);
        } else {
            encoder.writeIndex(1);
            uuid(event.predictionId().value());
        }
        if (event.at() == null) {
            encoder.writeIndex(0);
        } else {
            encoder.writeIndex(1);
            encoder.writeLong(nanos(event.at()));
        }
        encoder.writeArrayStart();
        encoder.setItemCount(features);
        if (event.features() instanceof FeatureRow row) {
            row.visitValues(this);
        } else if (event.features() != null) {
            for (Object value : event.features().values()) {
                other(value);
            }
        }
        encoder.writeArrayEnd();
        if (event.value() == null) {
            encoder.writeIndex(0);
        } else {
            encoder.writeIndex(1);
            encoder.writeDouble(event.value());
        }
        nullableString(event.label());
        Map<String, Double> probabilities = event.probabilities();
        if (probabilities == null) {
            encoder.writeIndex(0);
        } else {
            encoder.writeIndex(1);
            encoder.writeArrayStart();
            encoder.setItemCount(probabilities.size());
            for (Double p : probabilities.values()) {
                encoder.startItem();
                if (p == null) {
                    encoder.writeIndex(0);
                } else {
                    encoder.writeIndex(1);
                    encoder.writeDouble(p);
                }
            }
            encoder.writeArrayEnd();
        }
        encoder.writeDouble(event.latencyMs());
    }

    @Override
    public void number(double value) {
        try {
            encoder.startItem();
            encoder.writeIndex(DOUBLE);
            encoder.writeDouble(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void integer(int value) {
        try {
            encoder.startItem();
            encoder.writeIndex(LONG);
            encoder.writeLong(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A value as the JSON writer would write it, in the union branch that keeps its text: Double as double, whole
     * numbers as long, text, booleans, null; anything else (nested values, floats, big numbers) as the JSON text
     * EventJson's mapper writes for it, so that a consumer rebuilding the JSON gets the same text either way.
     */
    @Override
    public void other(Object value) {
        try {
            encoder.startItem();
            switch (value) {
                case null -> encoder.writeIndex(NULL);
                case Double d -> {
                    encoder.writeIndex(DOUBLE);
                    encoder.writeDouble(d);
                }
                case Integer n -> {
                    encoder.writeIndex(LONG);
                    encoder.writeLong(n);
                }
                case Long n -> {
                    encoder.writeIndex(LONG);
                    encoder.writeLong(n);
                }
                case Boolean b -> {
                    encoder.writeIndex(BOOLEAN);
                    encoder.writeBoolean(b);
                }
                case String s -> {
                    encoder.writeIndex(STRING);
                    encoder.writeString(s);
                }
                default -> {
                    encoder.writeIndex(JSON);
                    encoder.writeString(EventJson.mapper().writeValueAsString(value));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void strings(List<String> values) throws IOException {
        encoder.writeArrayStart();
        encoder.setItemCount(values.size());
        for (String v : values) {
            encoder.startItem();
            encoder.writeString(v);
        }
        encoder.writeArrayEnd();
    }

    private void nullableString(String value) throws IOException {
        if (value == null) {
            encoder.writeIndex(0);
        } else {
            encoder.writeIndex(1);
            encoder.writeString(value);
        }
    }

    /** The uuid logical type on a 16-byte fixed: the UUID's bits, most significant first. */
    private void uuid(UUID id) throws IOException {
        long high = id.getMostSignificantBits();
        long low = id.getLeastSignificantBits();
        for (int b = 0; b < 8; b++) {
            uuid[b] = (byte) (high >>> (56 - 8 * b));
            uuid[8 + b] = (byte) (low >>> (56 - 8 * b));
        }
        encoder.writeFixed(uuid);
    }

    /** timestamp-nanos: nanoseconds since the epoch (an Instant's full precision, good until the year 2262). */
    static long nanos(Instant at) {
        return Math.addExact(Math.multiplyExact(at.getEpochSecond(), 1_000_000_000L), at.getNano());
    }
}
