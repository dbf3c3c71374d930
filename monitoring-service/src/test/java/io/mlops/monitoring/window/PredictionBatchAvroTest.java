package io.mlops.monitoring.window;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mlops.domain.id.ModelVersionRef;
import io.mlops.domain.id.PredictionId;
import io.mlops.events.EventContentTypes;
import io.mlops.events.EventEnvelope;
import io.mlops.events.EventJson;
import io.mlops.events.MalformedEvent;
import io.mlops.events.PredictionMadeBatch;
import io.mlops.testsupport.PredictionMadeBatchRecords;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.EncoderFactory;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;

/**
 * The intake's Avro reading of PredictionMadeBatch (what the inference-service sends by default) against its JSON reading:
 * a batch written with Avro's generic writer and common-domain's schema alone gives the very rows (features and
 * probabilities the same JSON text) that the JSON envelope of the same batch gives; the record's content-type header
 * picks the reader; what does not decode is refused whole, so it is dead-lettered.
 */
class PredictionBatchAvroTest {

    private static final PredictionRowDeserializer DESERIALIZER = new PredictionRowDeserializer();

    private static EventEnvelope<PredictionMadeBatch> envelope(PredictionMadeBatch batch) {
        return EventEnvelope.wrap("inference-service", batch, Clock.systemUTC());
    }

    private static List<PredictionRow> read(String contentType, byte[] value) {
        RecordHeaders headers = new RecordHeaders();
        if (contentType != null) {
            headers.add(EventContentTypes.HEADER, contentType.getBytes(StandardCharsets.US_ASCII));
        }
        return DESERIALIZER.deserialize("mlops.predictions.made", headers, value);
    }

    private static byte[] avro(PredictionMadeBatch batch) {
        return PredictionMadeBatchRecords.writeAvro(envelope(batch));
    }

    @Test
    void anAvroBatchGivesTheRowsOfItsJsonEnvelope() {
        PredictionMadeBatch batch = PredictionRowDeserializerTest.batch();
        byte[] json = EventJson.writeBytes(envelope(batch));

        List<PredictionRow> rows = read(EventContentTypes.PREDICTION_MADE_BATCH_AVRO, avro(batch));

        assertThat(rows).hasSize(4).isEqualTo(read(null, json)).isEqualTo(read(EventContentTypes.JSON, json));
        assertThat(rows.get(0).featuresJson()).startsWith("{\"city\":\"Zürich \\\"old\\\"\\ttown\",\"temp\":21.5,\"missing\":null,");
        assertThat(rows.get(3).probabilitiesJson()).isNull();
    }

    @Test
    void valuesOfEveryKindKeepTheTextJsonGivesThem() {
        List<Object> values = Arrays.asList(Double.NaN, Double.NEGATIVE_INFINITY, 12345678901L, -7, true, false, "",
                "tab\t\"quote\" \\ ünï ✓", 1.0, 0.1 + 0.2, -1.0E-300, Double.MAX_VALUE, Map.of("a", List.of(1, 2.5, "x")),
                List.of(), 1.5f, new java.math.BigDecimal("1.10"));
        List<String> names = values.stream().map(v -> "n" + values.indexOf(v) + " \"q\"").toList();
        var batch = new PredictionMadeBatch(new ModelVersionRef("kinds", 1), null, false, names, List.of("a", "b"),
                List.of(new PredictionMadeBatch.Prediction(PredictionId.random(), Instant.parse("2026-11-29T05:00:00.123456789Z"),
                        values, 4.25, null, Arrays.asList(Double.NaN, null), 0.125)));

        PredictionRow fromAvro = read(EventContentTypes.PREDICTION_MADE_BATCH_AVRO, avro(batch)).getFirst();

        assertThat(fromAvro).isEqualTo(read(null, EventJson.writeBytes(envelope(batch))).getFirst());
        assertThat(fromAvro.at()).isEqualTo(Instant.parse("2026-11-29T05:00:00.123456789Z"));
        assertThat(fromAvro.probabilitiesJson()).isEqualTo("{\"a\":\"NaN\",\"b\":null}");
    }

    @Test
    void anotherContentTypeOrABrokenDatumIsRefusedWhole() {
        byte[] good = avro(PredictionRowDeserializerTest.batch());
        assertThat(read(EventContentTypes.PREDICTION_MADE_BATCH_AVRO, good)).hasSize(4);
        assertThatThrownBy(() -> read("application/x-protobuf", good)).isInstanceOf(MalformedEvent.class)
                .hasMessageContaining("unsupported content-type 'application/x-protobuf'");
        assertThatThrownBy(() -> read(EventContentTypes.PREDICTION_MADE_BATCH_AVRO, Arrays.copyOf(good, good.length - 3)))
                .isInstanceOf(MalformedEvent.class);
        assertThatThrownBy(() -> read(EventContentTypes.PREDICTION_MADE_BATCH_AVRO, Arrays.copyOf(good, good.length + 1)))
                .isInstanceOf(MalformedEvent.class).hasMessageContaining("bytes left after the datum");
        // JSON bytes under the Avro header, and Avro bytes read as JSON
        assertThatThrownBy(() -> read(EventContentTypes.PREDICTION_MADE_BATCH_AVRO,
                EventJson.writeBytes(envelope(PredictionRowDeserializerTest.batch())))).isInstanceOf(MalformedEvent.class);
        assertThatThrownBy(() -> read(null, good)).isInstanceOf(MalformedEvent.class);
    }

    @Test
    void aBatchWhoseValuesDoNotMatchItsNamesIsRefusedWhole() {
        PredictionMadeBatch good = PredictionRowDeserializerTest.batch();
        var fewerNames = new PredictionMadeBatch(good.model(), good.alias(), good.shadow(), good.featureNames().subList(1, 8),
                good.classes(), good.predictions());
        assertThatThrownBy(() -> read(EventContentTypes.PREDICTION_MADE_BATCH_AVRO, avro(fewerNames)))
                .isInstanceOf(MalformedEvent.class).hasMessageContaining("8 feature values for 7 feature names");
        var fewerClasses = new PredictionMadeBatch(good.model(), good.alias(), good.shadow(), good.featureNames(),
                List.of("yes"), good.predictions());
        assertThatThrownBy(() -> read(EventContentTypes.PREDICTION_MADE_BATCH_AVRO, avro(fewerClasses)))
                .isInstanceOf(MalformedEvent.class).hasMessageContaining("2 probabilities for 1 classes");
        var noClasses = new PredictionMadeBatch(good.model(), good.alias(), good.shadow(), good.featureNames(), null,
                good.predictions());
        assertThatThrownBy(() -> read(EventContentTypes.PREDICTION_MADE_BATCH_AVRO, avro(noClasses)))
                .isInstanceOf(MalformedEvent.class).hasMessageContaining("2 probabilities for 0 classes");
        var noId = new PredictionMadeBatch(good.model(), good.alias(), good.shadow(), good.featureNames(), good.classes(),
                List.of(new PredictionMadeBatch.Prediction(null, Instant.now(), good.predictions().getFirst().features(), null,
                        "yes", null, 0.0)));
        assertThatThrownBy(() -> read(EventContentTypes.PREDICTION_MADE_BATCH_AVRO, avro(noId)))
                .isInstanceOf(MalformedEvent.class).hasMessageContaining("predictionId and at are required");
    }

    @Test
    void whatTheSchemaAllowsButTheIntakeCannotStoreIsRefused() throws Exception {
        // a model version below 1, an empty Json-branch value: valid Avro, not a valid batch
        assertThatThrownBy(() -> read(EventContentTypes.PREDICTION_MADE_BATCH_AVRO, generic(0, 1.5)))
                .isInstanceOf(MalformedEvent.class);
        GenericRecord emptyJson = new GenericData.Record(featureSchema().getTypes().get(5));
        emptyJson.put("text", " ");
        assertThatThrownBy(() -> read(EventContentTypes.PREDICTION_MADE_BATCH_AVRO, generic(1, emptyJson)))
                .isInstanceOf(MalformedEvent.class).hasMessageContaining("holds no JSON");
        assertThat(read(EventContentTypes.PREDICTION_MADE_BATCH_AVRO, generic(1, 1.5))).singleElement()
                .satisfies(row -> assertThat(row.featuresJson()).isEqualTo("{\"x\":1.5}"));
        // a content-type header without a value
        RecordHeaders headers = new RecordHeaders();
        headers.add(EventContentTypes.HEADER, null);
        assertThatThrownBy(() -> DESERIALIZER.deserialize("mlops.predictions.made", headers, generic(1, 1.5)))
                .isInstanceOf(MalformedEvent.class).hasMessageContaining("has no value");
    }

    @Test
    void aRecordThatWouldExpandPastTheTextLimitIsRefused() {
        // one name of 1 MB repeated in each of 70 predictions' features text: 70 MB of JSON from a ~1 MB record
        String name = "n".repeat(1 << 20);
        List<PredictionMadeBatch.Prediction> predictions = new java.util.ArrayList<>();
        for (int i = 0; i < 70; i++) {
            predictions.add(new PredictionMadeBatch.Prediction(PredictionId.random(), Instant.now(), List.of(1.0), null, null, null, 0.1));
        }
        byte[] record = avro(new PredictionMadeBatch(new ModelVersionRef("big", 1), null, false, List.of(name), null, predictions));
        assertThat(record.length).isLessThan(2 << 20);
        assertThatThrownBy(() -> read(EventContentTypes.PREDICTION_MADE_BATCH_AVRO, record)).isInstanceOf(MalformedEvent.class)
                .hasMessageContaining("characters of JSON");
    }

    private static Schema featureSchema() {
        return PredictionMadeBatchRecords.schema().getField("predictions").schema().getElementType().getField("features").schema()
                .getElementType();
    }

    /** A one-prediction batch written with Avro's generic writer, bypassing the domain types' own checks. */
    private static byte[] generic(int version, Object feature) throws Exception {
        Schema schema = PredictionMadeBatchRecords.schema();
        Schema predictionSchema = schema.getField("predictions").schema().getElementType();
        GenericRecord model = new GenericData.Record(schema.getField("model").schema());
        model.put("model", "m");
        model.put("version", version);
        GenericRecord r = new GenericData.Record(schema);
        r.put("eventId", new GenericData.Fixed(schema.getField("eventId").schema(), new byte[16]));
        r.put("occurredAt", 0L);
        r.put("source", "test");
        r.put("key", "m@" + version);
        r.put("model", model);
        r.put("alias", null);
        r.put("shadow", false);
        r.put("featureNames", List.of("x"));
        r.put("classes", null);
        GenericRecord p = new GenericData.Record(predictionSchema);
        p.put("predictionId", new GenericData.Fixed(schema.getField("eventId").schema(), new byte[16]));
        p.put("at", 1L);
        p.put("features", List.of(feature));
        p.put("value", 2.0);
        p.put("label", null);
        p.put("probabilities", null);
        p.put("latencyMs", 0.5);
        r.put("predictions", List.of(p));
        var out = new java.io.ByteArrayOutputStream();
        var encoder = EncoderFactory.get().binaryEncoder(out, null);
        new GenericDatumWriter<GenericRecord>(schema).write(r, encoder);
        encoder.flush();
        return out.toByteArray();
    }
}
