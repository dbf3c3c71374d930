package io.mlops.inference.batching;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/** Keeps what the executor reported, for assertions. */
final class RecordingListener implements BatchingListener {

    final List<Long> queueNanos = new CopyOnWriteArrayList<>();
    final List<Integer> batchRows = new CopyOnWriteArrayList<>();
    final List<Integer> batchRequests = new CopyOnWriteArrayList<>();
    final AtomicInteger failedBatches = new AtomicInteger();
    final AtomicInteger rejected = new AtomicInteger();
    final AtomicInteger timedOut = new AtomicInteger();
    final AtomicInteger maxDepth = new AtomicInteger();

    @Override
    public void requestDequeued(long nanos) {
        queueNanos.add(nanos);
    }

    @Override
    public void batchCompleted(int rows, int requests, long computeNanos) {
        batchRows.add(rows);
        batchRequests.add(requests);
    }

    @Override
    public void batchFailed(int rows, int requests, Throwable cause) {
        failedBatches.incrementAndGet();
    }

    @Override
    public void queueDepthChanged(int requests) {
        maxDepth.accumulateAndGet(requests, Math::max);
    }

    @Override
    public void requestRejected(int queueDepth) {
        rejected.incrementAndGet();
    }

    @Override
    public void requestTimedOut(long queuedNanos) {
        timedOut.incrementAndGet();
    }
}
