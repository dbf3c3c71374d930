package io.mlops.testsupport;

import io.mlops.domain.id.ModelVersionRef;
import io.mlops.domain.id.PredictionId;
import io.mlops.events.EventContentTypes;
import io.mlops.events.EventEnvelope;
import io.mlops.events.EventJson;
import io.mlops.events.EventType;
import io.mlops.events.PredictionMadeBatch;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.avro.Conversions;
import org.apache.avro.Schema;
import org.apache.avro.data.TimeConversions;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

/**
 * PredictionMadeBatch records as tests read and write them, independently of the services' own codecs: JSON through
 * {@link EventJson}, Avro through Avro's generic reader and writer and common-domain's schema alone. A service's
 * hand-driven Avro writer or reader that strays from the schema fails against these.
 */
public final class PredictionMadeBatchRecords {

    private static final Schema SCHEMA = load();
    /** Avro's own uuid and timestamp-nanos conversions, so the services' hand-coded byte orders and units are checked too. */
    private static final GenericData MODEL = model();

    private PredictionMadeBatchRecords() {
    }

    public static Schema schema() {
        return SCHEMA;
    }

    /** A record's value, in the encoding its {@code content-type} header names (JSON without one). */
    public static EventEnvelope<PredictionMadeBatch> read(Headers headers, byte[] value) {
        Header header = headers == null ? null : headers.lastHeader(EventContentTypes.HEADER);
        String type = header == null ? EventContentTypes.JSON : new String(header.value(), StandardCharsets.US_ASCII);
        if (type.equals(EventContentTypes.PREDICTION_MADE_BATCH_AVRO)) {
            return readAvro(value);
        }
        if (!type.equals(EventContentTypes.JSON)) {
            throw new IllegalArgumentException("unexpected content-type " + type);
        }
        @SuppressWarnings("unchecked")
        EventEnvelope<PredictionMadeBatch> envelope = (EventEnvelope<PredictionMadeBatch>) (EventEnvelope<?>) EventJson.read(value);
        return envelope;
    }

    public static EventEnvelope<PredictionMadeBatch> readAvro(byte[] value) {
        try {
            var decoder = DecoderFactory.get().binaryDecoder(value, null);
            GenericRecord r = new GenericDatumReader<GenericRecord>(SCHEMA, SCHEMA, MODEL).read(null, decoder);
            if (!decoder.isEnd()) {
                throw new IllegalArgumentException("bytes left after the datum");
            }
            GenericRecord model = (GenericRecord) r.get("model");
            List<PredictionMadeBatch.Prediction> predictions = new ArrayList<>();
            for (Object o : (List<?>) r.get("predictions")) {
                GenericRecord p = (GenericRecord) o;
                List<Object> features = new ArrayList<>();
                for (Object f : (List<?>) p.get("features")) {
                    features.add(feature(f));
                }
                List<Double> probabilities = null;
                if (p.get("probabilities") != null) {
                    probabilities = new ArrayList<>();
                    for (Object d : (List<?>) p.get("probabilities")) {
                        probabilities.add((Double) d);
                    }
                }
                predictions.add(new PredictionMadeBatch.Prediction(
                        p.get("predictionId") == null ? null : new PredictionId((UUID) p.get("predictionId")),
                        (Instant) p.get("at"), features, (Double) p.get("value"), text(p.get("label")), probabilities,
                        (Double) p.get("latencyMs")));
            }
            var batch = new PredictionMadeBatch(new ModelVersionRef(text(model.get("model")), (Integer) model.get("version")),
                    text(r.get("alias")), (Boolean) r.get("shadow"), strings(r.get("featureNames")), strings(r.get("classes")),
                    predictions);
            EventType type = EventType.PREDICTION_MADE_BATCH;
            return new EventEnvelope<>((UUID) r.get("eventId"), type.wireName(), type.schemaVersion(), (Instant) r.get("occurredAt"),
                    text(r.get("source")), text(r.get("key")), batch);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The envelope as one Avro datum of the schema. Feature values: Double → double, Integer/Long → long, Boolean,
     * String, null, anything else → its JSON text (the Json branch).
     */
    public static byte[] writeAvro(EventEnvelope<PredictionMadeBatch> envelope) {
        PredictionMadeBatch batch = envelope.payload();
        Schema predictionSchema = SCHEMA.getField("predictions").schema().getElementType();
        Schema jsonSchema = predictionSchema.getField("features").schema().getElementType().getTypes().get(5);
        GenericRecord r = new GenericData.Record(SCHEMA);
        r.put("eventId", envelope.eventId());
        r.put("occurredAt", envelope.occurredAt());
        r.put("source", envelope.source());
        r.put("key", envelope.key());
        GenericRecord model = new GenericData.Record(SCHEMA.getField("model").schema());
        model.put("model", batch.model().model());
        model.put("version", batch.model().version());
        r.put("model", model);
        r.put("alias", batch.alias());
        r.put("shadow", batch.shadow());
        r.put("featureNames", batch.featureNames());
        r.put("classes", batch.classes());
        List<GenericRecord> predictions = new ArrayList<>();
        for (PredictionMadeBatch.Prediction p : batch.predictions()) {
            GenericRecord g = new GenericData.Record(predictionSchema);
            g.put("predictionId", p.predictionId() == null ? null : p.predictionId().value());
            g.put("at", p.at());
            List<Object> features = new ArrayList<>();
            for (Object f : p.features()) {
                features.add(switch (f) {
                    case null -> null;
                    case Double d -> d;
                    case Integer i -> i.longValue();
                    case Long l -> l;
                    case Boolean b -> b;
                    case String s -> s;
                    default -> {
                        GenericRecord json = new GenericData.Record(jsonSchema);
                        json.put("text", EventJson.mapper().writeValueAsString(f));
                        yield json;
                    }
                });
            }
            g.put("features", features);
            g.put("value", p.value());
            g.put("label", p.label());
            g.put("probabilities", p.probabilities());
            g.put("latencyMs", p.latencyMs());
            predictions.add(g);
        }
        r.put("predictions", predictions);
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
            new GenericDatumWriter<GenericRecord>(SCHEMA, MODEL).write(r, encoder);
            encoder.flush();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A feature value as EventJson reads its JSON: whole numbers as Integer when they fit, nested JSON as maps and lists,
     * and a non-finite double as the string JSON writes for it ("NaN", "Infinity").
     */
    private static Object feature(Object f) {
        return switch (f) {
            case null -> null;
            case Double d when !Double.isFinite(d) -> d.toString();
            case Long l -> l == l.intValue() ? (Object) l.intValue() : l;
            case CharSequence s -> s.toString();
            case GenericRecord json -> EventJson.mapper().readValue(json.get("text").toString(), Object.class);
            default -> f;
        };
    }

    private static List<String> strings(Object list) {
        if (list == null) {
            return null;
        }
        List<String> out = new ArrayList<>();
        for (Object o : (List<?>) list) {
            out.add(o.toString());
        }
        return out;
    }

    private static String text(Object o) {
        return o == null ? null : o.toString();
    }

    private static GenericData model() {
        GenericData model = new GenericData();
        model.addLogicalTypeConversion(new Conversions.UUIDConversion());
        model.addLogicalTypeConversion(new TimeConversions.TimestampNanosConversion());
        return model;
    }

    private static Schema load() {
        try (InputStream in = EventContentTypes.class.getResourceAsStream(EventContentTypes.PREDICTION_MADE_BATCH_SCHEMA)) {
            return new Schema.Parser().parse(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
