package io.mlops.inference.batching;

import static io.mlops.inference.batching.MatrixPredictor.FEATURES;
import static io.mlops.inference.batching.MatrixPredictor.OUTPUTS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Expected outputs come from running the same {@link MatrixPredictor} serially, one request at a time,
 * outside the executor; one test checks that predictor against a double-precision reference.
 */
class BatchingExecutorTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final RecordingListener listener = new RecordingListener();
    private final AtomicLong rowsComputed = new AtomicLong();
    private final AtomicInteger closes = new AtomicInteger();
    private BatchingExecutor executor;
    private MatrixPredictor.Gate gate;

    @AfterEach
    void stop() {
        if (gate != null) {
            gate.open();
        }
        if (executor != null) {
            executor.close();
        }
    }

    private BatchingExecutor start(BatchingSettings settings, MatrixPredictor.Gate gate) throws Exception {
        this.gate = gate;
        executor = BatchingExecutor.start("matrix:1", FEATURES, settings,
                worker -> new MatrixPredictor(gate, rowsComputed, closes), listener);
        return executor;
    }

    /** Callers are completed before the batch is reported, so a report may trail the caller's result. */
    private static void awaitListener(org.awaitility.core.ThrowingRunnable assertion) {
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(10)).untilAsserted(assertion);
    }

    private static Throwable failureOf(CompletableFuture<float[]> future) {
        assertThat(future).isCompletedExceptionally();
        return future.handle((value, error) -> error).join();
    }

    @Test
    void matrixPredictorMatchesADoublePrecisionReference() throws Exception {
        float[] row = MatrixPredictor.block(7, 1);
        float[] out = MatrixPredictor.serial(row, 1);
        for (int o = 0; o < OUTPUTS; o++) {
            double sum = MatrixPredictor.bias(o);
            for (int f = 0; f < FEATURES; f++) {
                sum += (double) row[f] * MatrixPredictor.weight(f, o);
            }
            assertThat((double) out[o]).isCloseTo(Math.tanh(sum), org.assertj.core.data.Offset.offset(1e-5));
        }
    }

    @Test
    void outputsEqualASerialRunUnder64ConcurrentThreads() throws Exception {
        start(new BatchingSettings(32, Duration.ofMillis(2), 1024, 2), MatrixPredictor.Gate.opened());
        int threads = 64;
        int requestsPerThread = 25;
        CountDownLatch startGate = new CountDownLatch(1);
        try (ExecutorService clients = Executors.newFixedThreadPool(threads)) {
            List<Future<Integer>> checked = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                checked.add(clients.submit(() -> {
                    startGate.await();
                    for (int i = 0; i < requestsPerThread; i++) {
                        int rows = 1 + (thread + i) % 3;
                        float[] input = MatrixPredictor.block(thread * 1000L + i, rows);
                        float[] output = executor.submit(input, rows, TIMEOUT).get(30, TimeUnit.SECONDS);
                        assertThat(output).containsExactly(MatrixPredictor.serial(input, rows));
                    }
                    return requestsPerThread;
                }));
            }
            startGate.countDown();
            for (Future<Integer> done : checked) {
                assertThat(done.get(60, TimeUnit.SECONDS)).isEqualTo(requestsPerThread);
            }
        }
        awaitListener(() -> {
            assertThat(listener.batchRequests.stream().mapToInt(Integer::intValue).sum()).isEqualTo(64 * 25);
            assertThat(listener.batchRows).allSatisfy(rows -> assertThat(rows).isBetween(1, 32));
        });
        // 64 callers against 2 workers queue up while the workers compute (mean 11 to 26 rows in 5 runs here).
        assertThat(listener.batchRows).anySatisfy(rows -> assertThat(rows).isGreaterThan(1));
    }

    @Test
    void batchesFormFromRequestsQueuedBehindABusyWorker() throws Exception {
        MatrixPredictor.Gate gate = MatrixPredictor.Gate.held();
        start(new BatchingSettings(32, Duration.ofMillis(2), 1024, 1), gate);
        List<CompletableFuture<float[]>> results = new ArrayList<>();
        List<float[]> inputs = new ArrayList<>();
        for (int i = 0; i < 64; i++) {
            inputs.add(MatrixPredictor.block(i, 1));
            results.add(executor.submit(inputs.get(i), 1, TIMEOUT));
            if (i == 0) {
                gate.awaitEntered();
            }
        }
        gate.open();
        for (int i = 0; i < 64; i++) {
            assertThat(results.get(i).get(30, TimeUnit.SECONDS)).containsExactly(MatrixPredictor.serial(inputs.get(i), 1));
        }
        // The first request ran alone; the 63 queued behind it filled a batch of 32 and one of 31.
        awaitListener(() -> assertThat(listener.batchRows).containsExactly(1, 32, 31));
        assertThat(listener.maxDepth.get()).isEqualTo(63);
    }

    @Test
    void aLoneCallerNeverWaitsForABatchToFill() throws Exception {
        Duration maxQueueDelay = Duration.ofMillis(200);
        start(new BatchingSettings(32, maxQueueDelay, 64, 2), MatrixPredictor.Gate.opened());
        for (int i = 0; i < 100; i++) {
            float[] input = MatrixPredictor.block(i, 1);
            assertThat(executor.submit(input, 1, TIMEOUT).get(30, TimeUnit.SECONDS))
                    .containsExactly(MatrixPredictor.serial(input, 1));
        }
        // A policy that waits for company would hold each request the full 200 ms.
        assertThat(listener.queueNanos).hasSize(100)
                .allSatisfy(nanos -> assertThat(nanos).isLessThan(maxQueueDelay.toNanos()));
        awaitListener(() -> assertThat(listener.batchRows).hasSize(100).containsOnly(1));
    }

    @Test
    void aLoneCallComputesAtOnceOnTheCallersOwnThread() throws Exception {
        List<Thread> computedOn = new java.util.concurrent.CopyOnWriteArrayList<>();
        this.gate = MatrixPredictor.Gate.opened();
        executor = BatchingExecutor.start("matrix:1", FEATURES, new BatchingSettings(32, Duration.ofMillis(200), 64, 2),
                worker -> new BatchPredictor() {
                    private final MatrixPredictor matrix = new MatrixPredictor(gate, rowsComputed, closes);

                    @Override
                    public float[] predict(float[] rowMajor, int rows) throws Exception {
                        computedOn.add(Thread.currentThread());
                        return matrix.predict(rowMajor, rows);
                    }
                }, listener);
        for (int i = 0; i < 20; i++) {
            float[] input = MatrixPredictor.block(i, 1);
            CompletableFuture<float[]> result = executor.call(input, 1, TIMEOUT);
            assertThat(result).as("completed before call returns: no hand-off to a worker").isDone();
            assertThat(result.get()).containsExactly(MatrixPredictor.serial(input, 1));
        }
        assertThat(computedOn).hasSize(20).containsOnly(Thread.currentThread());
        assertThat(listener.batchRows).hasSize(20).containsOnly(1);
    }

    @Test
    void callsQueueBehindBusyPredictorsAndBatchAsSubmitsDo() throws Exception {
        MatrixPredictor.Gate gate = MatrixPredictor.Gate.held();
        start(new BatchingSettings(32, Duration.ofMillis(2), 64, 1), gate);
        float[] firstInput = MatrixPredictor.block(100, 1);
        CompletableFuture<CompletableFuture<float[]>> first =
                CompletableFuture.supplyAsync(() -> executor.call(firstInput, 1, TIMEOUT));
        gate.awaitEntered(); // the first caller computes inline and holds the only predictor
        List<float[]> inputs = new ArrayList<>();
        List<CompletableFuture<float[]>> queued = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            inputs.add(MatrixPredictor.block(i, 1));
            queued.add(executor.call(inputs.get(i), 1, TIMEOUT));
        }
        assertThat(queued).noneMatch(CompletableFuture::isDone);
        assertThat(executor.queueDepth()).isEqualTo(10);
        gate.open();
        assertThat(first.get(10, TimeUnit.SECONDS).get()).containsExactly(MatrixPredictor.serial(firstInput, 1));
        for (int i = 0; i < 10; i++) {
            assertThat(queued.get(i).get(10, TimeUnit.SECONDS)).containsExactly(MatrixPredictor.serial(inputs.get(i), 1));
        }
        // The worker waited for the predictor, then ran all ten queued requests as one batch.
        awaitListener(() -> assertThat(listener.batchRows).containsExactlyInAnyOrder(1, 10));
        executor.close();
        assertThat(closes.get()).as("each predictor closed once, after the inline caller finished").isEqualTo(1);
    }

    @Test
    void aCallWhileAnotherComputesInlineQueuesEvenWithAPredictorIdle() throws Exception {
        // Two predictors: the first caller computes inline and holds one; the second must not take the other
        // inline (request threads are virtual: inline callers on every carrier meant batches never formed).
        MatrixPredictor.Gate gate = MatrixPredictor.Gate.held();
        start(new BatchingSettings(32, Duration.ofMillis(2), 64, 2), gate);
        float[] firstInput = MatrixPredictor.block(100, 1);
        CompletableFuture<CompletableFuture<float[]>> first =
                CompletableFuture.supplyAsync(() -> executor.call(firstInput, 1, TIMEOUT));
        gate.awaitEntered();
        float[] secondInput = MatrixPredictor.block(7, 1);
        CompletableFuture<float[]> second = executor.call(secondInput, 1, TIMEOUT);
        assertThat(second).as("queued, not computed on the caller's thread").isNotDone();
        gate.open();
        assertThat(second.get(10, TimeUnit.SECONDS)).containsExactly(MatrixPredictor.serial(secondInput, 1));
        assertThat(first.get(10, TimeUnit.SECONDS).get()).containsExactly(MatrixPredictor.serial(firstInput, 1));
    }

    @Test
    void aRequestThatFillsABatchAloneComputesInlineWhileAnotherComputesIfAPredictorIsFree() throws Exception {
        // Two predictors, batches of up to 2 rows: the first caller holds one inline; a 2-row request is a batch by
        // itself, so it takes the other on its own thread instead of a hand-off to a worker. A third caller, with no
        // predictor free, queues.
        List<Thread> computedOn = new java.util.concurrent.CopyOnWriteArrayList<>();
        this.gate = MatrixPredictor.Gate.held();
        executor = BatchingExecutor.start("matrix:1", FEATURES, new BatchingSettings(2, Duration.ofMillis(2), 64, 2),
                worker -> new BatchPredictor() {
                    private final MatrixPredictor matrix = new MatrixPredictor(gate, rowsComputed, closes);

                    @Override
                    public float[] predict(float[] rowMajor, int rows) throws Exception {
                        computedOn.add(Thread.currentThread());
                        return matrix.predict(rowMajor, rows);
                    }
                }, listener);
        float[] firstInput = MatrixPredictor.block(100, 1);
        CompletableFuture<CompletableFuture<float[]>> first =
                CompletableFuture.supplyAsync(() -> executor.call(firstInput, 1, TIMEOUT));
        gate.awaitEntered();
        float[] full = MatrixPredictor.block(7, 2);
        CompletableFuture<float[]> second = executor.call(full, 2, TIMEOUT);
        assertThat(second).as("computed on the caller's thread, done when call returns").isDone();
        assertThat(second.get()).containsExactly(MatrixPredictor.serial(full, 2));
        assertThat(computedOn).contains(Thread.currentThread());
        gate.open();
        assertThat(first.get(10, TimeUnit.SECONDS).get()).containsExactly(MatrixPredictor.serial(firstInput, 1));
    }

    @Test
    void withBatchingOffACallWhileAnotherComputesQueuesAsBefore() throws Exception {
        // max-batch-size 1 keeps the hand-off (RequestQueue.tryClaimIdleSlot): batching off is the p99 baseline.
        MatrixPredictor.Gate gate = MatrixPredictor.Gate.held();
        start(new BatchingSettings(1, Duration.ofMillis(2), 64, 2), gate);
        float[] firstInput = MatrixPredictor.block(100, 1);
        CompletableFuture<CompletableFuture<float[]>> first =
                CompletableFuture.supplyAsync(() -> executor.call(firstInput, 1, TIMEOUT));
        gate.awaitEntered();
        float[] secondInput = MatrixPredictor.block(7, 1);
        CompletableFuture<float[]> second = executor.call(secondInput, 1, TIMEOUT);
        assertThat(second.get(10, TimeUnit.SECONDS)).containsExactly(MatrixPredictor.serial(secondInput, 1));
        // An inline call reports 0 ns queued; the second went through the queue to a worker.
        assertThat(listener.queueNanos).as("the first inline, the second queued").hasSize(2).containsOnlyOnce(0L)
                .filteredOn(nanos -> nanos > 0).hasSize(1);
        gate.open();
        assertThat(first.get(10, TimeUnit.SECONDS).get()).containsExactly(MatrixPredictor.serial(firstInput, 1));
    }

    @Test
    void aRequestThatFillsABatchAloneQueuesWhenNoPredictorIsFree() throws Exception {
        MatrixPredictor.Gate gate = MatrixPredictor.Gate.held();
        start(new BatchingSettings(2, Duration.ofMillis(2), 64, 1), gate);
        float[] firstInput = MatrixPredictor.block(100, 1);
        CompletableFuture<CompletableFuture<float[]>> first =
                CompletableFuture.supplyAsync(() -> executor.call(firstInput, 1, TIMEOUT));
        gate.awaitEntered(); // the first caller computes inline and holds the only predictor
        float[] full = MatrixPredictor.block(7, 2);
        CompletableFuture<float[]> second = executor.call(full, 2, TIMEOUT);
        assertThat(second).as("queued, not computed on the caller's thread").isNotDone();
        gate.open();
        assertThat(second.get(10, TimeUnit.SECONDS)).containsExactly(MatrixPredictor.serial(full, 2));
        assertThat(first.get(10, TimeUnit.SECONDS).get()).containsExactly(MatrixPredictor.serial(firstInput, 1));
    }

    @Test
    void whileAnotherWorkerComputesTheCollectorWaitsForMoreUpToMaxQueueDelay() throws Exception {
        Duration maxQueueDelay = Duration.ofMillis(300);
        MatrixPredictor.Gate gate = MatrixPredictor.Gate.held();
        start(new BatchingSettings(32, maxQueueDelay, 64, 2), gate);
        CompletableFuture<float[]> first = executor.submit(MatrixPredictor.block(1, 1), 1, TIMEOUT);
        gate.awaitEntered();
        float[] b = MatrixPredictor.block(2, 1);
        float[] c = MatrixPredictor.block(3, 2);
        CompletableFuture<float[]> second = executor.submit(b, 1, TIMEOUT);
        CompletableFuture<float[]> third = executor.submit(c, 2, TIMEOUT);

        await().atMost(Duration.ofSeconds(10)).until(() -> second.isDone() && third.isDone());
        assertThat(first).isNotDone();
        assertThat(second.get()).containsExactly(MatrixPredictor.serial(b, 1));
        assertThat(third.get()).containsExactly(MatrixPredictor.serial(c, 2));
        awaitListener(() -> assertThat(listener.batchRows).containsExactly(3));
        // queueNanos[0] is the first request's; [1] and [2] are those that waited for company.
        assertThat(listener.queueNanos.get(1)).isGreaterThanOrEqualTo(maxQueueDelay.toNanos());
        gate.open();
        assertThat(first.get(10, TimeUnit.SECONDS)).hasSize(OUTPUTS);
    }

    @Test
    void aFullQueueRejectsAtOnceWithARetryAfterHint() throws Exception {
        MatrixPredictor.Gate gate = MatrixPredictor.Gate.held();
        start(new BatchingSettings(32, Duration.ofMillis(2), 4, 1), gate);
        List<CompletableFuture<float[]>> accepted = new ArrayList<>();
        accepted.add(executor.submit(MatrixPredictor.block(0, 1), 1, TIMEOUT));
        gate.awaitEntered();
        for (int i = 1; i <= 4; i++) {
            accepted.add(executor.submit(MatrixPredictor.block(i, 1), 1, TIMEOUT));
        }
        assertThat(executor.queueDepth()).isEqualTo(4);

        CompletableFuture<float[]> refused = executor.submit(MatrixPredictor.block(5, 1), 1, TIMEOUT);

        assertThat(refused).isDone();
        assertThat(failureOf(refused)).isInstanceOf(InferenceQueueFull.class)
                .satisfies(e -> assertThat(((InferenceQueueFull) e).retryAfter()).isPositive());
        assertThat(listener.rejected.get()).isEqualTo(1);
        gate.open();
        for (CompletableFuture<float[]> result : accepted) {
            assertThat(result.get(10, TimeUnit.SECONDS)).hasSize(OUTPUTS);
        }
    }

    @Test
    void aRequestPastItsDeadlineFailsWithoutBeingComputed() throws Exception {
        MatrixPredictor.Gate gate = MatrixPredictor.Gate.held();
        start(new BatchingSettings(32, Duration.ofMillis(2), 16, 1), gate);
        CompletableFuture<float[]> running = executor.submit(MatrixPredictor.block(0, 1), 1, TIMEOUT);
        gate.awaitEntered();
        long submitted = System.nanoTime();
        CompletableFuture<float[]> late = executor.submit(MatrixPredictor.block(1, 3), 3, Duration.ofMillis(1));
        await().pollInterval(Duration.ofMillis(5)).until(() -> System.nanoTime() - submitted > 5_000_000);

        gate.open();

        assertThat(running.get(10, TimeUnit.SECONDS)).hasSize(OUTPUTS);
        await().atMost(Duration.ofSeconds(10)).until(late::isDone);
        assertThat(failureOf(late)).isInstanceOf(InferenceDeadlineExceeded.class);
        assertThat(listener.timedOut.get()).isEqualTo(1);
        assertThat(rowsComputed.get()).isEqualTo(1);
    }

    @Test
    void theWatchdogFailsCallersOfAStuckPredictorQueuedOrComputing() throws Exception {
        // Callers wait untimed; the watchdog (every 10 ms here) is what bounds a wait on a predictor that never returns.
        gate = MatrixPredictor.Gate.held();
        executor = BatchingExecutor.start("matrix:1", FEATURES, new BatchingSettings(32, Duration.ofMillis(2), 16, 1),
                worker -> new MatrixPredictor(gate, rowsComputed, closes), listener, Arrivals.NONE,
                Duration.ofMillis(10), Duration.ofMillis(200));
        CompletableFuture<float[]> stuck = executor.submit(MatrixPredictor.block(0, 1), 1, Duration.ofMillis(50));
        gate.awaitEntered();
        CompletableFuture<float[]> queued = executor.submit(MatrixPredictor.block(1, 2), 2, Duration.ofMillis(50));

        // Queued: failed once past its deadline, with the worker still stuck; computing: only past deadline + margin.
        await().atMost(Duration.ofSeconds(10)).until(queued::isDone);
        assertThat(failureOf(queued)).isInstanceOf(InferenceDeadlineExceeded.class);
        assertThat(executor.queueDepth()).isZero();
        await().atMost(Duration.ofSeconds(10)).until(stuck::isDone);
        assertThat(failureOf(stuck)).isInstanceOf(InferenceDeadlineExceeded.class);
        assertThat(listener.timedOut.get()).isEqualTo(2);

        gate.open();
        // The predictor returns late: its answer goes nowhere, and the executor serves the next request.
        assertThat(executor.submit(MatrixPredictor.block(2, 1), 1, TIMEOUT).get(10, TimeUnit.SECONDS))
                .containsExactly(MatrixPredictor.serial(MatrixPredictor.block(2, 1), 1));
        assertThat(failureOf(stuck)).isInstanceOf(InferenceDeadlineExceeded.class);
    }

    @Test
    void shutdownFinishesQueuedRequestsRefusesNewOnesAndClosesPredictors() throws Exception {
        MatrixPredictor.Gate gate = MatrixPredictor.Gate.held();
        start(new BatchingSettings(32, Duration.ofMillis(2), 16, 1), gate);
        List<float[]> inputs = List.of(MatrixPredictor.block(0, 1), MatrixPredictor.block(1, 2), MatrixPredictor.block(2, 1));
        List<CompletableFuture<float[]>> results = new ArrayList<>();
        results.add(executor.submit(inputs.get(0), 1, TIMEOUT));
        gate.awaitEntered();
        results.add(executor.submit(inputs.get(1), 2, TIMEOUT));
        results.add(executor.submit(inputs.get(2), 1, TIMEOUT));
        CompletableFuture<Boolean> drained = CompletableFuture.supplyAsync(() -> {
            try {
                return executor.shutdown(TIMEOUT);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        await().atMost(Duration.ofSeconds(10)).until(executor::isShutdown);

        assertThat(failureOf(executor.submit(MatrixPredictor.block(3, 1), 1, TIMEOUT))).isInstanceOf(InferenceExecutorClosed.class);
        gate.open();

        assertThat(drained.get(10, TimeUnit.SECONDS)).isTrue();
        assertThat(results.get(0).get()).containsExactly(MatrixPredictor.serial(inputs.get(0), 1));
        assertThat(results.get(1).get()).containsExactly(MatrixPredictor.serial(inputs.get(1), 2));
        assertThat(results.get(2).get()).containsExactly(MatrixPredictor.serial(inputs.get(2), 1));
        assertThat(rowsComputed.get()).isEqualTo(4);
        assertThat(closes.get()).isEqualTo(1);
    }

    @Test
    void aFailingPredictionFailsItsBatchAndTheWorkerCarriesOn() throws Exception {
        start(new BatchingSettings(32, Duration.ofMillis(2), 16, 1), MatrixPredictor.Gate.opened());
        float[] poisoned = MatrixPredictor.block(0, 1);
        poisoned[3] = Float.NaN;

        CompletableFuture<float[]> failed = executor.submit(poisoned, 1, TIMEOUT);

        assertThatThrownBy(() -> failed.get(10, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                .cause().isInstanceOf(PredictionFailed.class).cause().isInstanceOf(IllegalArgumentException.class);
        assertThat(listener.failedBatches.get()).isEqualTo(1);
        float[] healthy = MatrixPredictor.block(1, 1);
        assertThat(executor.submit(healthy, 1, TIMEOUT).get(10, TimeUnit.SECONDS)).containsExactly(MatrixPredictor.serial(healthy, 1));
    }

    @Test
    void aRequestLargerThanMaxBatchSizeRunsAloneAndUnsplit() throws Exception {
        start(new BatchingSettings(4, Duration.ofMillis(2), 16, 1), MatrixPredictor.Gate.opened());
        float[] input = MatrixPredictor.block(9, 10);

        assertThat(executor.submit(input, 10, TIMEOUT).get(10, TimeUnit.SECONDS)).containsExactly(MatrixPredictor.serial(input, 10));
        awaitListener(() -> assertThat(listener.batchRows).containsExactly(10));
    }

    @Test
    void aBlockOfTheWrongShapeIsRefusedAtTheCall() throws Exception {
        start(BatchingSettings.defaults(), MatrixPredictor.Gate.opened());

        assertThatThrownBy(() -> executor.submit(new float[FEATURES + 1], 1, TIMEOUT))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> executor.submit(new float[0], 0, TIMEOUT))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aFailingPredictorFactoryClosesThePredictorsAlreadyMade() {
        AtomicInteger made = new AtomicInteger();
        assertThatThrownBy(() -> BatchingExecutor.start("broken:1", FEATURES, BatchingSettings.defaults().withWorkers(3),
                worker -> {
                    if (worker == 2) {
                        throw new IllegalStateException("no memory for a third predictor");
                    }
                    made.incrementAndGet();
                    return new MatrixPredictor(MatrixPredictor.Gate.opened(), rowsComputed, closes);
                }, listener)).isInstanceOf(IllegalStateException.class);
        assertThat(closes.get()).isEqualTo(made.get()).isEqualTo(2);
    }
}
