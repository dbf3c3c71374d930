package io.mlops.inference.batching;

import java.time.Duration;

/** The queue of a model version is full: the request was refused at once (HTTP 429 with Retry-After). */
public final class InferenceQueueFull extends RuntimeException {

    private final transient Duration retryAfter;

    InferenceQueueFull(String model, int capacity, Duration retryAfter) {
        super("Inference queue of " + model + " is full (" + capacity + " requests); retry after "
                + retryAfter.toMillis() + " ms");
        this.retryAfter = retryAfter;
    }

    /** Estimated time for the queue to drain; HTTP rounds it up to whole seconds. */
    public Duration retryAfter() {
        return retryAfter;
    }
}
