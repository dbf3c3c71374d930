package io.mlops.monitoring.window;

import io.mlops.domain.id.ModelVersionRef;
import java.time.Instant;
import java.util.UUID;

/**
 * What the intake stores of one PredictionMade, read straight from the record's JSON by {@link PredictionRowDeserializer}:
 * {@code featuresJson} and {@code probabilitiesJson} are the event's own JSON text of those objects (features
 * {@code "{}"} when absent, probabilities null when absent or empty), written to the log as they came, never
 * built into a Map on intake.
 */
record PredictionRow(UUID predictionId, ModelVersionRef model, Instant at, String featuresJson, Double value, String label,
                     String probabilitiesJson, double latencyMs) {
}
