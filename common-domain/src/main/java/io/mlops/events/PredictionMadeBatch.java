package io.mlops.events;

import io.mlops.domain.id.ModelVersionRef;
import io.mlops.domain.id.PredictionId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Many predictions of one model version in one record of {@code mlops.predictions.made}: what
 * {@link PredictionMade} carries per prediction, with the fields its predictions share written once. Sent by the
 * inference-service because one Kafka record per prediction cost more than the prediction (producer append, broker
 * validation per record, an envelope per prediction: bench/inference/README.md). Consumers read both types on that
 * topic: records written by older producers stay single {@link PredictionMade} events.
 *
 * @param model        the model version that answered (also the envelope's key, as for PredictionMade)
 * @param alias        the alias the callers named, or null
 * @param shadow       whether these are a shadow version's answers (recorded, never returned)
 * @param featureNames the raw input features' names, in the order each prediction lists its values
 * @param classes      the class labels, in the order each prediction lists its probabilities; null when the
 *                     predictions carry none (regression)
 * @param predictions  one entry per prediction, in the order they were made
 */
public record PredictionMadeBatch(
        ModelVersionRef model,
        String alias,
        boolean shadow,
        List<String> featureNames,
        List<String> classes,
        List<Prediction> predictions) implements DomainEvent {

    /**
     * One prediction: its values in the batch's name orders.
     *
     * @param features      one value per {@code featureNames} entry (numbers, text, null, or any JSON the request had)
     * @param probabilities one per {@code classes} entry, or null (an empty list also means none)
     */
    public record Prediction(PredictionId predictionId, Instant at, List<Object> features, Double value, String label,
                             List<Double> probabilities, double latencyMs) {
    }

    public PredictionMadeBatch {
        Objects.requireNonNull(model, "model");
        featureNames = featureNames == null ? List.of() : featureNames;
        predictions = predictions == null ? List.of() : predictions;
    }

    @Override
    public String aggregateKey() {
        return model.toString();
    }

    /**
     * The predictions as single PredictionMade events, as the producer would have sent them one by one.
     *
     * @throws IllegalArgumentException when a prediction's value lists do not match the batch's name lists
     */
    public List<PredictionMade> expand() {
        List<PredictionMade> out = new ArrayList<>(predictions.size());
        for (Prediction p : predictions) {
            List<Object> values = p.features() == null ? List.of() : p.features();
            if (values.size() != featureNames.size()) {
                throw new IllegalArgumentException("prediction " + p.predictionId() + " has " + values.size()
                        + " feature values for " + featureNames.size() + " feature names");
            }
            Map<String, Object> features = LinkedHashMap.newLinkedHashMap(values.size());
            for (int i = 0; i < values.size(); i++) {
                features.put(featureNames.get(i), values.get(i));
            }
            Map<String, Double> probabilities = null;
            if (p.probabilities() != null && p.probabilities().isEmpty()) {
                probabilities = Map.of(); // as a single event's empty object: no probabilities, whatever the classes
            } else if (p.probabilities() != null) {
                if (classes == null || classes.size() != p.probabilities().size()) {
                    throw new IllegalArgumentException("prediction " + p.predictionId() + " has " + p.probabilities().size()
                            + " probabilities for " + (classes == null ? 0 : classes.size()) + " classes");
                }
                probabilities = LinkedHashMap.newLinkedHashMap(classes.size());
                for (int i = 0; i < classes.size(); i++) {
                    probabilities.put(classes.get(i), p.probabilities().get(i));
                }
            }
            out.add(new PredictionMade(p.predictionId(), model, alias, p.at(), features, p.value(), p.label(), probabilities,
                    p.latencyMs(), shadow));
        }
        return out;
    }
}
