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
    /** The batch computing now, or null; read by {@link #failIfStuck} from the executor's watchdog. */
    private volatile Batch inFlight;

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
                inFlight = batch;
                output = predictor.predict(batch.input(featureCount), batch.rows());
            }
        } catch (Throwable e) {
            failure = e;
        } finally {
            inFlight = null;
            idle.offer(predictor);
            // Before completing the callers: a lone caller's next request must not find this worker busy
            // (the collector waits only while others compute).
            queue.batchDone(batch.rows());
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

    /**
     * The stuck-worker guard: fails the callers of the batch computing now that are more than {@code marginNanos}
     * past their deadline (a predictor that never returns). Callers wait untimed, so this is what bounds their wait.
     */
    void failIfStuck(long now, long marginNanos) {
        Batch batch = inFlight;
        if (batch == null) {
            return;
        }
        for (PendingRequest request : batch.requests()) {
            if (now - request.deadlineNanos() > marginNanos) {
                expire(request, now);
            }
        }
    }

    private void expire(PendingRequest request, long now) {
        long queued = now - request.enqueuedNanos();
        if (request.result().completeExceptionally(new InferenceDeadlineExceeded(model, Duration.ofNanos(queued)))) {
            listener.requestTimedOut(queued);
        }
    }

    private void fail(Batch batch, Throwable cause) {
        Throwable reported = cause instanceof CompletionException && cause.getCause() != null ? cause.getCause() : cause;
        log.warn("Batch of {} rows for {} failed", batch.rows(), model, reported);
        listener.batchFailed(batch.rows(), batch.requests().size(), reported);
        PredictionFailed failed = new PredictionFailed(model, reported);
        batch.requests().forEach(request -> request.result().completeExceptionally(failed));
    }
}
