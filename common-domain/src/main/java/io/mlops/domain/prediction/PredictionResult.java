package io.mlops.domain.prediction;

import io.mlops.domain.id.ModelVersionRef;
import io.mlops.domain.id.PredictionId;
import java.util.Map;

/**
 * One prediction: a regression {@code value}, or a class {@code label} with its {@code probabilities}.
 */
public record PredictionResult(PredictionId id, ModelVersionRef model, Double value, String label, Map<String, Double> probabilities) {
}
