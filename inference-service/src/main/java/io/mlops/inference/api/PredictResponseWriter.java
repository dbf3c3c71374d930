package io.mlops.inference.api;

import static io.mlops.inference.events.OutcomeJson.string;

import io.mlops.domain.prediction.PredictionResult;
import io.mlops.inference.events.OutcomeJson;
import java.util.List;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.SerializableString;
import tools.jackson.core.io.SerializedString;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.ser.std.StdSerializer;

/**
 * Writes the predict answer straight to the generator, the same bytes Jackson's bean, record and map serializers
 * wrote for it (record component order, nulls included, numbers through {@link JsonGenerator#writeNumber(double)}
 * as Jackson's Double serializer does). Hand-written because a 32-row answer goes through ~200 property writers
 * and 32 map serializers per request in databind; here it is a flat loop with pre-encoded names.
 * {@code PredictAnswerJsonIntegrationTest} holds it to databind's output.
 */
final class PredictResponseWriter extends StdSerializer<PredictController.PredictResponse> {

    private static final SerializableString MODEL = new SerializedString("model");
    private static final SerializableString VERSION = new SerializedString("version");
    private static final SerializableString ALIAS = new SerializedString("alias");
    private static final SerializableString PREDICTIONS = new SerializedString("predictions");
    private static final SerializableString ID = new SerializedString("id");
    private static final SerializableString VALUE = new SerializedString("value");
    private static final SerializableString LABEL = new SerializedString("label");
    private static final SerializableString PROBABILITIES = new SerializedString("probabilities");

    PredictResponseWriter() {
        super(PredictController.PredictResponse.class);
    }

    @Override
    public void serialize(PredictController.PredictResponse response, JsonGenerator g, SerializationContext ctxt) {
        g.writeStartObject(response);
        g.writeName(MODEL);
        string(g, response.model());
        g.writeName(VERSION);
        g.writeNumber(response.version());
        g.writeName(ALIAS);
        string(g, response.alias());
        g.writeName(PREDICTIONS);
        List<PredictionResult> results = response.predictions();
        if (results == null) {
            g.writeNull();
        } else {
            g.writeStartArray(results, results.size());
            for (PredictionResult result : results) {
                result(g, result);
            }
            g.writeEndArray();
        }
        g.writeEndObject();
    }

    private static void result(JsonGenerator g, PredictionResult result) {
        if (result == null) {
            g.writeNull();
            return;
        }
        g.writeStartObject(result);
        g.writeName(ID);
        string(g, result.id() == null ? null : result.id().toString());
        g.writeName(MODEL);
        OutcomeJson.model(g, result.model());
        g.writeName(VALUE);
        OutcomeJson.number(g, result.value());
        g.writeName(LABEL);
        string(g, result.label());
        g.writeName(PROBABILITIES);
        if (result.probabilities() instanceof Probabilities probabilities) {
            probabilities.write(g);
        } else {
            OutcomeJson.probabilities(g, result.probabilities());
        }
        g.writeEndObject();
    }
}
