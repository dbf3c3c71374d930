package io.mlops.events;

import io.mlops.domain.id.ModelVersionRef;
import io.mlops.domain.id.PredictionId;
import java.time.Instant;
import java.util.Map;

/**
 * One prediction with its raw input features, sent off the hot path (possibly sampled). Monitoring
 * builds its drift windows from these and joins delayed feedback on {@code predictionId}.
 */
public record PredictionMade(
        PredictionId predictionId,
        ModelVersionRef model,
        String alias,
        Instant at,
        Map<String, Object> features,
        Double value,
        String label,
        Map<String, Double> probabilities,
        double latencyMs,
        boolean shadow) implements DomainEvent {

    @Override
    public String aggregateKey() {
        return model.toString();
    }
}
