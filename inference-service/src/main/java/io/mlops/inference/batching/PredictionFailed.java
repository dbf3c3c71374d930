package io.mlops.inference.batching;

/** The predictor threw while computing the batch this request was part of (HTTP 500). */
public final class PredictionFailed extends RuntimeException {

    PredictionFailed(String model, Throwable cause) {
        super("Prediction with " + model + " failed: " + cause.getMessage(), cause);
    }
}
