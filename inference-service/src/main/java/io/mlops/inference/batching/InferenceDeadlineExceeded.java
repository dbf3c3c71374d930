package io.mlops.inference.batching;

import java.time.Duration;

/** A request waited past its deadline and was dropped without being computed (HTTP 503). */
public final class InferenceDeadlineExceeded extends RuntimeException {

    private final transient Duration waited;

    InferenceDeadlineExceeded(String model, Duration waited) {
        super("Request for " + model + " passed its deadline after " + waited.toMillis() + " ms in the queue");
        this.waited = waited;
    }

    public Duration waited() {
        return waited;
    }
}
