package io.mlops.events;

import java.util.Arrays;
import java.util.Optional;

/**
 * The registry of event types: wire name, payload class, the schema version this code writes and the
 * topic it travels on. Adding an event means adding a line here and a record above.
 */
public enum EventType {
    DATA_INGESTED("DataIngested", DataIngested.class, 1, Topics.DATA_INGESTED),
    FEATURES_CREATED("FeaturesCreated", FeaturesCreated.class, 1, Topics.FEATURES_CREATED),
    MODEL_TRAINED("ModelTrained", ModelTrained.class, 1, Topics.MODELS_TRAINED),
    MODEL_DEPLOYED("ModelDeployed", ModelDeployed.class, 1, Topics.MODELS_DEPLOYED),
    PREDICTION_MADE("PredictionMade", PredictionMade.class, 1, Topics.PREDICTIONS_MADE),
    PREDICTION_MADE_BATCH("PredictionMadeBatch", PredictionMadeBatch.class, 1, Topics.PREDICTIONS_MADE),
    DRIFT_DETECTED("DriftDetected", DriftDetected.class, 1, Topics.DRIFT_DETECTED),
    MODEL_PERFORMANCE_DEGRADED("ModelPerformanceDegraded", ModelPerformanceDegraded.class, 1, Topics.PERFORMANCE_DEGRADED),
    TRAINING_JOB_REQUESTED("TrainingJobRequested", TrainingJobRequested.class, 1, Topics.TRAINING_REQUESTS);

    private final String wireName;
    private final Class<? extends DomainEvent> payloadType;
    private final int schemaVersion;
    private final String topic;

    EventType(String wireName, Class<? extends DomainEvent> payloadType, int schemaVersion, String topic) {
        this.wireName = wireName;
        this.payloadType = payloadType;
        this.schemaVersion = schemaVersion;
        this.topic = topic;
    }

    public String wireName() {
        return wireName;
    }

    public Class<? extends DomainEvent> payloadType() {
        return payloadType;
    }

    /** The newest schema version this code understands (and the one it writes). */
    public int schemaVersion() {
        return schemaVersion;
    }

    public String topic() {
        return topic;
    }

    public static Optional<EventType> byWireName(String name) {
        return Arrays.stream(values()).filter(t -> t.wireName.equals(name)).findFirst();
    }

    public static EventType of(DomainEvent event) {
        return Arrays.stream(values())
                .filter(t -> t.payloadType == event.getClass())
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unregistered event " + event.getClass()));
    }
}
