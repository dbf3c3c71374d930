package io.mlops.inference.batching;

import static io.mlops.inference.batching.MatrixPredictor.FEATURES;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * How a batching executor uses {@link Arrivals}: requests handed to request threads (here: tasks of a test
 * executor wrapped by {@link Arrivals#track}, as the Tomcat connector's are) and not yet at the executor.
 * Expected outputs come from the same {@link MatrixPredictor} run serially outside the executor.
 */
class ArrivalsBatchingTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final RecordingListener listener = new RecordingListener();
    private final Arrivals arrivals = new Arrivals();
    private final ExecutorService requestThreads = Executors.newFixedThreadPool(8);
    private final List<Thread> computedOn = new CopyOnWriteArrayList<>();
    private BatchingExecutor executor;

    @AfterEach
    void stop() {
        requestThreads.shutdownNow();
        if (executor != null) {
            executor.close();
        }
    }

    private void start(int maxBatchSize, Duration maxQueueDelay) throws Exception {
        executor = BatchingExecutor.start("matrix:1", FEATURES, new BatchingSettings(maxBatchSize, maxQueueDelay, 64, 2),
                worker -> new BatchPredictor() {
                    private final MatrixPredictor matrix =
                            new MatrixPredictor(MatrixPredictor.Gate.opened(), new AtomicLong(), new AtomicInteger());

                    @Override
                    public float[] predict(float[] rowMajor, int rows) throws Exception {
                        computedOn.add(Thread.currentThread());
                        return matrix.predict(rowMajor, rows);
                    }
                }, listener, arrivals);
    }

    /** A request thread that waits at {@code go}, then calls the executor as the controller does. */
    private CompletableFuture<float[]> request(float[] input, int rows, CountDownLatch go) {
        CompletableFuture<float[]> answer = new CompletableFuture<>();
        requestThreads.execute(arrivals.track(() -> {
            try {
                go.await();
                answer.complete(executor.call(input, rows, TIMEOUT).get());
            } catch (Exception e) {
                answer.completeExceptionally(e);
            }
        }));
        return answer;
    }

    @Test
    void theCollectorWaitsForRequestsOnTheirWayAndRunsThemAsOneBatch() throws Exception {
        Duration maxQueueDelay = Duration.ofSeconds(20);
        start(32, maxQueueDelay);
        CountDownLatch firstGo = new CountDownLatch(1);
        CountDownLatch othersGo = new CountDownLatch(1);
        List<float[]> inputs = List.of(MatrixPredictor.block(1, 1), MatrixPredictor.block(2, 2), MatrixPredictor.block(3, 1));
        List<CompletableFuture<float[]>> answers = new ArrayList<>();
        answers.add(request(inputs.get(0), 1, firstGo));
        answers.add(request(inputs.get(1), 2, othersGo));
        answers.add(request(inputs.get(2), 1, othersGo));
        assertThat(arrivals.onTheWay()).isEqualTo(3);

        firstGo.countDown();
        // Nothing computes: the first request queued (others are on their way), and the collector waits for them.
        await().atMost(Duration.ofSeconds(10)).until(() -> arrivals.onTheWay() == 2 && executor.queueDepth() == 0);
        await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(5)).until(() -> !answers.getFirst().isDone());

        othersGo.countDown();
        for (int i = 0; i < 3; i++) {
            assertThat(answers.get(i).get(10, TimeUnit.SECONDS)).containsExactly(MatrixPredictor.serial(inputs.get(i), i == 1 ? 2 : 1));
        }
        // Callers are completed before the batch is reported, so the report may trail the answers.
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(listener.batchRows).as("one batch, run when the last arrival landed").containsExactly(4));
        assertThat(listener.queueNanos).allSatisfy(nanos -> assertThat(nanos).isLessThan(maxQueueDelay.toNanos()));
        assertThat(computedOn).noneMatch(thread -> !thread.getName().startsWith("batch-"));
        await().atMost(Duration.ofSeconds(10)).until(() -> arrivals.onTheWay() == 0);
    }

    @Test
    void withAFullBatchInProgressTheCollectorWaitsForItThoughNoneIsOnItsWay() throws Exception {
        start(4, Duration.ofSeconds(20));
        // Two requests past the executor (being answered): in progress, not on their way.
        CountDownLatch answered = new CountDownLatch(1);
        CountDownLatch bothLanded = new CountDownLatch(2);
        for (int i = 0; i < 2; i++) {
            requestThreads.execute(arrivals.track(() -> {
                arrivals.landed();
                bothLanded.countDown();
                try {
                    answered.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }));
        }
        assertThat(bothLanded.await(10, TimeUnit.SECONDS)).isTrue();
        CountDownLatch firstGo = new CountDownLatch(1);
        CountDownLatch secondGo = new CountDownLatch(1);
        CountDownLatch lastGo = new CountDownLatch(1);
        List<float[]> inputs = List.of(MatrixPredictor.block(1, 1), MatrixPredictor.block(2, 1),
                MatrixPredictor.block(3, 1), MatrixPredictor.block(4, 1));
        List<CompletableFuture<float[]>> answers = new ArrayList<>();
        answers.add(request(inputs.get(0), 1, firstGo));
        answers.add(request(inputs.get(1), 1, secondGo));
        firstGo.countDown();
        secondGo.countDown();
        await().atMost(Duration.ofSeconds(10)).until(() -> arrivals.onTheWay() == 0);
        assertThat(arrivals.inProgress()).isEqualTo(4);

        // Nothing on its way and nothing computing, but 4 requests in progress could fill the batch of 4: it waits.
        await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(5))
                .until(() -> answers.stream().noneMatch(CompletableFuture::isDone));

        answers.add(request(inputs.get(2), 1, lastGo));
        answers.add(request(inputs.get(3), 1, lastGo));
        lastGo.countDown();
        for (int i = 0; i < 4; i++) {
            assertThat(answers.get(i).get(10, TimeUnit.SECONDS)).containsExactly(MatrixPredictor.serial(inputs.get(i), 1));
        }
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(listener.batchRows).as("one full batch").containsExactly(4));
        answered.countDown();
        await().atMost(Duration.ofSeconds(10)).until(() -> arrivals.inProgress() == 0);
    }

    @Test
    void anArrivalThatNeverComesHoldsABatchAtMostMaxQueueDelay() throws Exception {
        Duration maxQueueDelay = Duration.ofMillis(300);
        start(32, maxQueueDelay);
        CountDownLatch go = new CountDownLatch(1);
        CountDownLatch never = new CountDownLatch(1);
        float[] input = MatrixPredictor.block(5, 1);
        request(MatrixPredictor.block(6, 1), 1, never); // on its way, but never arrives
        CompletableFuture<float[]> answer = request(input, 1, go);

        go.countDown();

        assertThat(answer.get(10, TimeUnit.SECONDS)).containsExactly(MatrixPredictor.serial(input, 1));
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(listener.batchRows).containsExactly(1));
        assertThat(listener.queueNanos.getFirst()).isGreaterThanOrEqualTo(maxQueueDelay.toNanos())
                .isLessThan(Duration.ofSeconds(5).toNanos());
        never.countDown();
    }

    @Test
    void aLoneRequestComputesAtOnceOnItsOwnThreadAndLeavesNothingCounted() throws Exception {
        start(32, Duration.ofSeconds(20));
        for (int i = 0; i < 5; i++) {
            float[] input = MatrixPredictor.block(i, 1);
            CountDownLatch go = new CountDownLatch(1);
            CompletableFuture<float[]> answer = request(input, 1, go);
            go.countDown();
            assertThat(answer.get(10, TimeUnit.SECONDS)).containsExactly(MatrixPredictor.serial(input, 1));
            await().atMost(Duration.ofSeconds(10)).until(() -> arrivals.onTheWay() == 0);
        }
        assertThat(computedOn).hasSize(5).noneMatch(thread -> thread.getName().startsWith("batch-"));
        assertThat(listener.queueNanos).allSatisfy(nanos -> assertThat(nanos).isZero());
    }

    @Test
    void aRequestThatFillsABatchAloneDoesNotWaitForArrivals() throws Exception {
        start(4, Duration.ofSeconds(20));
        CountDownLatch go = new CountDownLatch(1);
        CountDownLatch never = new CountDownLatch(1);
        request(MatrixPredictor.block(6, 1), 1, never);
        float[] input = MatrixPredictor.block(7, 4);
        CompletableFuture<float[]> answer = request(input, 4, go);

        go.countDown();

        assertThat(answer.get(10, TimeUnit.SECONDS)).containsExactly(MatrixPredictor.serial(input, 4));
        assertThat(computedOn).hasSize(1).noneMatch(thread -> thread.getName().startsWith("batch-"));
        never.countDown();
    }

    @Test
    void aTaskIsOnItsWayUntilItLandsOrEndsOrIsRefusedAndInProgressUntilItEnds() throws Exception {
        CountDownLatch landed = new CountDownLatch(1);
        CountDownLatch end = new CountDownLatch(1);
        Runnable tracked = arrivals.track(() -> {
            arrivals.landed();
            arrivals.landed(); // counted once however often it lands
            landed.countDown();
            try {
                end.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        Runnable endsWithoutLanding = arrivals.track(() -> { });
        assertThat(arrivals.onTheWay()).isEqualTo(2);
        assertThat(arrivals.inProgress()).isEqualTo(2);

        requestThreads.execute(tracked);
        landed.await(10, TimeUnit.SECONDS);
        assertThat(arrivals.onTheWay()).isEqualTo(1);
        assertThat(arrivals.inProgress()).as("landed, not ended").isEqualTo(2);
        requestThreads.execute(endsWithoutLanding);
        await().atMost(Duration.ofSeconds(10)).until(() -> arrivals.onTheWay() == 0 && arrivals.inProgress() == 1);
        end.countDown();
        await().atMost(Duration.ofSeconds(10)).until(() -> arrivals.inProgress() == 0);

        ExecutorService closed = Executors.newSingleThreadExecutor();
        closed.shutdown();
        Runnable refused = arrivals.track(() -> { });
        try {
            closed.execute(refused);
        } catch (RejectedExecutionException e) {
            arrivals.notDispatched();
        }
        assertThat(arrivals.onTheWay()).isZero();
        assertThat(arrivals.inProgress()).isZero();
        arrivals.landed(); // on a thread track did not start: nothing to count down
        assertThat(arrivals.onTheWay()).isZero();
    }
}
