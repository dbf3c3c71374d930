package io.mlops.events;

/** Every Kafka topic name, in one place. Each topic has a dead-letter twin named {@code <topic>.DLT}. */
public final class Topics {

    public static final String DATA_INGESTED = "mlops.data.ingested";
    public static final String FEATURES_CREATED = "mlops.features.created";
    public static final String MODELS_TRAINED = "mlops.models.trained";
    public static final String MODELS_DEPLOYED = "mlops.models.deployed";
    public static final String PREDICTIONS_MADE = "mlops.predictions.made";
    public static final String DRIFT_DETECTED = "mlops.monitoring.drift-detected";
    public static final String PERFORMANCE_DEGRADED = "mlops.monitoring.performance-degraded";
    /** model-service to its own replicas: a job waits to be claimed (keyed by job id). */
    public static final String TRAINING_REQUESTS = "mlops.training.requests";

    public static final String DLT_SUFFIX = ".DLT";

    private Topics() {
    }

    public static String deadLetter(String topic) {
        return topic + DLT_SUFFIX;
    }
}
