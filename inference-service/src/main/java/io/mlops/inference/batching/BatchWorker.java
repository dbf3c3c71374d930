package io.mlops.inference.batching;

import java.time.Duration;
import java.util.Queue;
import java.util.concurrent.CompletionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One worker thread: takes a batch, runs it on an idle predictor from the executor's pool (the queue's slot
 * count guarantees one is idle), hands each caller its rows.
 */
final class BatchWorker implements Runnable {

    private static final Logger log = LoggerFactory.getLogger(BatchWorker.class);

    private final String model;
    private final int featureCount;
    private final RequestQueue queue;
    private final Queue<BatchPredictor> idle;
    private final BatchingListener listener;
    private final LoadEstimate load;

    BatchWorker(String model, int featureCount, RequestQueue queue, Queue<BatchPredictor> idle,
            BatchingListener listener, LoadEstimate load) {
        this.model = model;
        this.featureCount = featureCount;
        this.queue = queue;
        this.idle = idle;
        this.listener = listener;
        this.load = load;
    }

    @Override
    public void run() {
        try {
            Batch batch;
            while ((batch = queue.nextBatch()) != null) {
                listener.queueDepthChanged(queue.depth());
                run(batch);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void run(Batch batch) {
        long start = System.nanoTime();
        batch.expired().forEach(request -> expire(request, start));
        float[] output = null;
        Throwable failure = null;
        BatchPredictor predictor = idle.poll();
        try {
            if (!batch.requests().isEmpty()) {
                for (PendingRequest request : batch.requests()) {
                    listener.requestDequeued(start - request.enqueuedNanos());
                }
                output = predictor.predict(batch.input(featureCount), batch.rows());
            }
        } catch (Throwable e) {
            failure = e;
        } finally {
            idle.offer(predictor);
            // Before completing the callers: a lone caller's next request must not find this worker busy
            // (the collector waits only while others compute).
            queue.batchDone();
        }
        if (batch.requests().isEmpty()) {
            return;
        }
        long computeNanos = System.nanoTime() - start;
        if (failure == null) {
            try {
                batch.complete(output);
                load.record(batch.requests().size(), computeNanos);
                listener.batchCompleted(batch.rows(), batch.requests().size(), computeNanos);
                return;
            } catch (RuntimeException e) {
                failure = e;
            }
        }
        fail(batch, failure);
    }

    private void expire(PendingRequest request, long now) {
        long queued = now - request.enqueuedNanos();
        listener.requestTimedOut(queued);
        request.result().completeExceptionally(new InferenceDeadlineExceeded(model, Duration.ofNanos(queued)));
    }

    private void fail(Batch batch, Throwable cause) {
        Throwable reported = cause instanceof CompletionException && cause.getCause() != null ? cause.getCause() : cause;
        log.warn("Batch of {} rows for {} failed", batch.rows(), model, reported);
        listener.batchFailed(batch.rows(), batch.requests().size(), reported);
        PredictionFailed failed = new PredictionFailed(model, reported);
        batch.requests().forEach(request -> request.result().completeExceptionally(failed));
    }
}
