package io.mlops.inference.batching;

/**
 * Metrics hooks, called on the submitting or worker threads: implementations must be cheap and
 * must not throw. Times are in nanoseconds so that no object is allocated per call; a Micrometer
 * adapter records them into timers and distribution summaries tagged by model and version.
 */
public interface BatchingListener {

    BatchingListener NONE = new BatchingListener() {
    };

    /** A request was taken into a batch after waiting {@code queueNanos} in the queue. */
    default void requestDequeued(long queueNanos) {
    }

    /** One batched prediction of {@code rows} rows from {@code requests} requests took {@code computeNanos}. */
    default void batchCompleted(int rows, int requests, long computeNanos) {
    }

    /** The predictor threw; every request of the batch failed with {@link PredictionFailed}. */
    default void batchFailed(int rows, int requests, Throwable cause) {
    }

    /** Requests now waiting in the queue (not counting those being computed). */
    default void queueDepthChanged(int requests) {
    }

    /** A request was refused because the queue held {@code queueDepth} requests already. */
    default void requestRejected(int queueDepth) {
    }

    /** A request passed its deadline before it was computed, after {@code queuedNanos} in the queue. */
    default void requestTimedOut(long queuedNanos) {
    }
}
