package io.mlops.inference.batching;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Dynamic batching for one model version: callers submit blocks of rows and get a future; W worker
 * threads form batches greedily (see {@link RequestQueue}) and run one prediction per batch on one of
 * the W predictors. Overload is refused at once and late requests are dropped uncomputed, so the queue
 * sheds load instead of blocking callers.
 *
 * <p>{@link #call} adds the caller-runs path: when the executor is idle (nothing queued, nothing computing, no
 * other request on its way: {@link Arrivals}), the caller computes its own request on its own thread instead of handing it to a worker and waiting to be woken.
 * Two thread wake-ups per request is what the hand-off costs, which on 2 shared cores dominated a lone
 * caller's latency and a good part of each request's CPU. At most W batches compute at once either way,
 * and a predictor is only ever used by one thread at a time (DJL's {@code Predictor} is not thread-safe).
 */
public final class BatchingExecutor implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(BatchingExecutor.class);
    private static final Duration DEFAULT_DRAIN_TIMEOUT = Duration.ofSeconds(30);
    /** How often the watchdog looks, and how far past its deadline a computing request counts as stuck. */
    static final Duration SWEEP_EVERY = Duration.ofSeconds(1);
    static final Duration STUCK_MARGIN = Duration.ofSeconds(30);
    /**
     * One thread for every executor's watchdog. Callers wait for their future without a timeout: a timed wait arms
     * a timer per request (on a virtual thread, in the scheduler's delay queue, then cancels it), 1–5 µs of a ~100 µs
     * request in the profiles (bench/inference/README.md). The deadline is enforced here instead, once a second for
     * all requests.
     */
    private static final ScheduledThreadPoolExecutor WATCHDOG = watchdogThread();

    private final String name;
    private final int featureCount;
    private final BatchingSettings settings;
    private final BatchingListener listener;
    private final RequestQueue queue;
    private final LoadEstimate load = new LoadEstimate();
    private final List<Thread> workers = new ArrayList<>();
    /** Predictors not computing now; a slot claimed in {@link #queue} guarantees one is here. */
    private final Queue<BatchPredictor> idle = new ConcurrentLinkedQueue<>();
    private final List<BatchPredictor> predictors = new ArrayList<>();
    private final List<BatchWorker> batchWorkers = new ArrayList<>();
    private final long stuckMarginNanos;
    private volatile ScheduledFuture<?> watchdog;

    private BatchingExecutor(String name, int featureCount, BatchingSettings settings, BatchingListener listener,
            Arrivals arrivals, Duration stuckMargin) {
        this.stuckMarginNanos = stuckMargin.toNanos();
        this.name = name;
        this.featureCount = featureCount;
        this.settings = settings;
        this.listener = listener;
        this.queue = new RequestQueue(settings, arrivals);
    }

    /**
     * Creates every worker's predictor (all or none: a failure closes those already made and is rethrown),
     * then starts the workers.
     *
     * @param name         model and version, for thread names, logs and exceptions, e.g. {@code "iris:3"}
     * @param featureCount values per input row
     */
    public static BatchingExecutor start(String name, int featureCount, BatchingSettings settings,
            BatchPredictorFactory predictors, BatchingListener listener) throws Exception {
        return start(name, featureCount, settings, predictors, listener, Arrivals.NONE);
    }

    /**
     * As {@link #start(String, int, BatchingSettings, BatchPredictorFactory, BatchingListener)}, with the
     * requests known to be on their way here, which a collector waits for (see {@link RequestQueue}).
     */
    public static BatchingExecutor start(String name, int featureCount, BatchingSettings settings,
            BatchPredictorFactory predictors, BatchingListener listener, Arrivals arrivals) throws Exception {
        return start(name, featureCount, settings, predictors, listener, arrivals, SWEEP_EVERY, STUCK_MARGIN);
    }

    /** With the watchdog's period and stuck margin given (tests). */
    static BatchingExecutor start(String name, int featureCount, BatchingSettings settings,
            BatchPredictorFactory predictors, BatchingListener listener, Arrivals arrivals, Duration sweepEvery,
            Duration stuckMargin) throws Exception {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(arrivals, "arrivals");
        if (featureCount < 1) {
            throw new IllegalArgumentException("featureCount must be at least 1, was " + featureCount);
        }
        BatchingExecutor executor = new BatchingExecutor(name, featureCount, settings,
                listener == null ? BatchingListener.NONE : listener, arrivals, stuckMargin);
        List<BatchPredictor> created = new ArrayList<>();
        try {
            for (int i = 0; i < settings.workers(); i++) {
                created.add(Objects.requireNonNull(predictors.create(i), "predictor factory returned null"));
            }
        } catch (Exception e) {
            for (BatchPredictor predictor : created) {
                try {
                    predictor.close();
                } catch (Exception suppressed) {
                    e.addSuppressed(suppressed);
                }
            }
            throw e;
        }
        executor.predictors.addAll(created);
        executor.idle.addAll(created);
        for (int i = 0; i < created.size(); i++) {
            BatchWorker worker = new BatchWorker(name, featureCount, executor.queue, executor.idle,
                    executor.listener, executor.load);
            executor.batchWorkers.add(worker);
            executor.workers.add(Thread.ofPlatform().name("batch-" + name + "-" + i).daemon(true).start(worker));
        }
        executor.watchdog = WATCHDOG.scheduleWithFixedDelay(executor::sweep, sweepEvery.toNanos(), sweepEvery.toNanos(),
                TimeUnit.NANOSECONDS);
        log.info("Batching executor {} started: {}", name, settings);
        return executor;
    }

    /**
     * Queues a block of rows. Never blocks: a full queue or a closed executor yields an already failed future.
     *
     * @param rowMajor {@code rows × featureCount} values, row after row; not copied, so do not change it afterwards
     * @param rows     rows in the block (at least 1)
     * @param timeout  time allowed before computation starts; past it the future fails with
     *                 {@link InferenceDeadlineExceeded}
     * @return the block's {@code rows × outputWidth} outputs, or a failure with {@link InferenceQueueFull},
     *         {@link InferenceDeadlineExceeded}, {@link InferenceExecutorClosed} or {@link PredictionFailed}
     * @throws IllegalArgumentException when {@code rowMajor} does not hold {@code rows × featureCount} values
     */
    public CompletableFuture<float[]> submit(float[] rowMajor, int rows, Duration timeout) {
        checkShape(rowMajor, rows);
        long now = System.nanoTime();
        CompletableFuture<float[]> result = new CompletableFuture<>();
        PendingRequest request = new PendingRequest(rowMajor, rows, now, now + timeout.toNanos(), result);
        switch (queue.offer(request)) {
            case ACCEPTED -> listener.queueDepthChanged(queue.depth());
            case FULL -> {
                int depth = queue.depth();
                listener.requestRejected(depth);
                result.completeExceptionally(new InferenceQueueFull(name, settings.queueCapacity(),
                        load.drainTime(depth, settings.workers(), settings.maxQueueDelay())));
            }
            case CLOSED -> result.completeExceptionally(new InferenceExecutorClosed(name));
        }
        return result;
    }

    /**
     * Like {@link #submit}, but when nothing is queued or computing, and no other request that could share a batch
     * is on its way ({@link Arrivals}), the request is computed at once on the calling thread and the returned future is already complete (blocking the caller for the compute);
     * otherwise it is queued exactly as {@link #submit} does. With batching on, a request of {@code maxBatchSize} rows or
     * more (a batch by itself) also computes inline while others compute, whenever a predictor is free and nothing is
     * queued.
     */
    public CompletableFuture<float[]> call(float[] rowMajor, int rows, Duration timeout) {
        checkShape(rowMajor, rows);
        if (!queue.tryClaimIdleSlot(rows)) {
            return submit(rowMajor, rows, timeout);
        }
        CompletableFuture<float[]> result = new CompletableFuture<>();
        long start = System.nanoTime();
        BatchPredictor predictor = idle.poll();
        float[] output = null;
        Throwable failure = null;
        try {
            listener.requestDequeued(0);
            output = predictor.predict(rowMajor, rows);
            if (output == null || output.length == 0 || output.length % rows != 0) {
                throw new IllegalStateException("predictor returned " + (output == null ? "null" : output.length
                        + " values") + " for " + rows + " rows");
            }
        } catch (Throwable e) {
            failure = e;
        } finally {
            idle.offer(predictor);
            queue.batchDone(rows);
        }
        long computeNanos = System.nanoTime() - start;
        if (failure == null) {
            result.complete(output);
            load.record(1, computeNanos);
            listener.batchCompleted(rows, 1, computeNanos);
        } else {
            log.warn("Prediction of {} rows for {} failed", rows, name, failure);
            listener.batchFailed(rows, 1, failure);
            result.completeExceptionally(new PredictionFailed(name, failure));
        }
        return result;
    }

    /**
     * Fails the queued requests past their deadline (workers drop them when they form a batch, but a stuck worker
     * never does) and the computing ones more than the stuck margin past it. Without this, a caller of a stuck
     * predictor would wait forever: callers wait untimed.
     */
    private void sweep() {
        try {
            long now = System.nanoTime();
            for (PendingRequest request : queue.removeExpired(now)) {
                long queued = now - request.enqueuedNanos();
                if (request.result().completeExceptionally(new InferenceDeadlineExceeded(name, Duration.ofNanos(queued)))) {
                    listener.requestTimedOut(queued);
                }
            }
            for (BatchWorker worker : batchWorkers) {
                worker.failIfStuck(now, stuckMarginNanos);
            }
        } catch (RuntimeException e) {
            // A failure here must not cancel the periodic task (a scheduled task that throws never runs again).
            log.warn("Deadline sweep of {} failed", name, e);
        }
    }

    private static ScheduledThreadPoolExecutor watchdogThread() {
        var pool = new ScheduledThreadPoolExecutor(1, Thread.ofPlatform().name("batching-watchdog").daemon(true).factory());
        pool.setRemoveOnCancelPolicy(true);
        return pool;
    }

    private void checkShape(float[] rowMajor, int rows) {
        if (rows < 1 || rowMajor.length != rows * featureCount) {
            throw new IllegalArgumentException("expected " + rows + " rows of " + featureCount + " features, got "
                    + rowMajor.length + " values");
        }
    }

    /** Requests waiting, not counting those being computed; for a queue-depth gauge. */
    public int queueDepth() {
        return queue.depth();
    }

    /** Whether {@link #shutdown(Duration)} was called: no new request is taken. */
    public boolean isShutdown() {
        return queue.isClosed();
    }

    public String name() {
        return name;
    }

    public int featureCount() {
        return featureCount;
    }

    public BatchingSettings settings() {
        return settings;
    }

    /**
     * Refuses new requests, lets queued and running ones finish (late ones still fail by deadline), stops the
     * workers, waits for callers computing inline, then closes the predictors.
     *
     * @return whether everything stopped within {@code timeout} (if not, the predictors are left open)
     */
    public boolean shutdown(Duration timeout) throws InterruptedException {
        queue.close();
        long end = System.nanoTime() + timeout.toNanos();
        for (Thread worker : workers) {
            long left = end - System.nanoTime();
            if (left <= 0 || !worker.join(Duration.ofNanos(left))) {
                log.warn("Batching executor {} did not drain within {}", name, timeout);
                return false;
            }
        }
        if (!queue.awaitIdle(end)) {
            log.warn("Batching executor {} did not drain within {}", name, timeout);
            return false;
        }
        closePredictors();
        // Only once drained: a worker stuck past the timeout keeps its callers' guard.
        watchdog.cancel(false);
        log.info("Batching executor {} drained and stopped", name);
        return true;
    }

    private synchronized void closePredictors() {
        for (BatchPredictor predictor : predictors) {
            try {
                predictor.close();
            } catch (Exception e) {
                log.warn("Closing a predictor of {} failed", name, e);
            }
        }
        predictors.clear();
        idle.clear();
    }

    /** {@link #shutdown(Duration)} with 30 s. */
    @Override
    public void close() {
        try {
            shutdown(DEFAULT_DRAIN_TIMEOUT);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public String toString() {
        return "BatchingExecutor[" + name + ", " + settings + ", queued=" + queueDepth() + "]";
    }
}
