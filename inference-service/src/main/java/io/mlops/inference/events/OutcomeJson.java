package io.mlops.inference.events;

import io.mlops.domain.id.ModelVersionRef;
import java.util.Map;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.SerializableString;
import tools.jackson.core.io.SerializedString;

/**
 * The pieces a prediction's answer ({@code PredictResponseWriter}) and its PredictionMade event
 * ({@link PredictionMadeBatchJson}) both write with a streaming generator, in the bytes databind would write for them.
 */
public final class OutcomeJson {

    private static final SerializableString MODEL = new SerializedString("model");
    private static final SerializableString VERSION = new SerializedString("version");

    private OutcomeJson() {
    }

    public static void string(JsonGenerator g, String value) {
        if (value == null) {
            g.writeNull();
        } else {
            g.writeString(value);
        }
    }

    public static void number(JsonGenerator g, Double value) {
        if (value == null) {
            g.writeNull();
        } else {
            g.writeNumber(value.doubleValue());
        }
    }

    /** {@code {"model": name, "version": n}} or null. */
    public static void model(JsonGenerator g, ModelVersionRef model) {
        if (model == null) {
            g.writeNull();
            return;
        }
        g.writeStartObject(model);
        g.writeName(MODEL);
        g.writeString(model.model());
        g.writeName(VERSION);
        g.writeNumber(model.version());
        g.writeEndObject();
    }

    /** {@code {class: probability, ...}} or null. */
    public static void probabilities(JsonGenerator g, Map<String, Double> probabilities) {
        if (probabilities == null) {
            g.writeNull();
            return;
        }
        g.writeStartObject(probabilities, probabilities.size());
        for (Map.Entry<String, Double> p : probabilities.entrySet()) {
            g.writeName(p.getKey());
            number(g, p.getValue());
        }
        g.writeEndObject();
    }
}
