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
}
