package io.mlops.inference.batching;

/** The executor of a model version is draining or stopped and takes no new requests (HTTP 503). */
public final class InferenceExecutorClosed extends RuntimeException {

    InferenceExecutorClosed(String model) {
        super("Inference executor of " + model + " is closed");
    }
}
