package io.mlops.inference.batching;

import java.time.Duration;

/**
 * Moving averages of batch compute time and requests per batch, for the Retry-After hint of a
 * refused request. An exponentially weighted average is two lines, so no library is pulled in;
 * updates race benignly (a lost update only makes the hint a little staler).
 */
final class LoadEstimate {

    private static final double WEIGHT = 0.1;

    private volatile double batchNanos;
    private volatile double requestsPerBatch = 1;

    void record(int requests, long computeNanos) {
        batchNanos = batchNanos == 0 ? computeNanos : batchNanos + WEIGHT * (computeNanos - batchNanos);
        requestsPerBatch += WEIGHT * (requests - requestsPerBatch);
    }

    /** Time for {@code workers} workers to drain {@code queued} requests, never below {@code floor}. */
    Duration drainTime(int queued, int workers, Duration floor) {
        double batches = Math.ceil(queued / Math.max(1.0, requestsPerBatch));
        long nanos = (long) (batches * batchNanos / workers);
        Duration estimate = Duration.ofNanos(nanos);
        return estimate.compareTo(floor) > 0 ? estimate : floor;
    }
}
