package io.mlops.inference.batching;

import java.util.concurrent.CompletableFuture;

/** One caller's block of rows waiting for a worker; times are {@link System#nanoTime()} readings. */
record PendingRequest(float[] rowMajor, int rows, long enqueuedNanos, long deadlineNanos,
        CompletableFuture<float[]> result) {

    boolean expiredAt(long nowNanos) {
        return nowNanos - deadlineNanos > 0;
    }
}
