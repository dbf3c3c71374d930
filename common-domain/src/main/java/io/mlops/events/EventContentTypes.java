package io.mlops.events;

/**
 * How a record's value is encoded, named by its Kafka {@code content-type} header. Events are JSON envelopes
 * ({@link EventJson}); a record without the header is JSON. PredictionMadeBatch, the one high-volume event, may also
 * travel as Avro binary of {@value #PREDICTION_MADE_BATCH_SCHEMA} (common-domain's resources): its feature values and
 * probabilities as 8-byte doubles instead of decimal text, which the inference-service would otherwise format on
 * its serving cores for every sampled prediction (bench/inference/README.md).
 */
public final class EventContentTypes {

    /** The Kafka record header naming the value's encoding (as CloudEvents' Kafka binding names it). */
    public static final String HEADER = "content-type";

    public static final String JSON = "application/json";

    /** A PredictionMadeBatch, schemaVersion 1, as one Avro binary datum of {@link #PREDICTION_MADE_BATCH_SCHEMA}. */
    public static final String PREDICTION_MADE_BATCH_AVRO = "application/vnd.mlops.prediction-made-batch.v1+avro";

    /** The Avro schema of {@link #PREDICTION_MADE_BATCH_AVRO}, a classpath resource of common-domain. */
    public static final String PREDICTION_MADE_BATCH_SCHEMA = "/io/mlops/events/PredictionMadeBatch.avsc";

    private EventContentTypes() {
    }
}
