package io.mlops.inference.batching;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The bounded queue and the greedy batch-forming policy. Hand-written rather than a
 * {@code BlockingQueue} because forming a batch needs, under one lock, to look at the head
 * (a request is never split, so a head that does not fit ends the batch) and at how many workers
 * are computing (the only reason to wait).
 *
 * <p>Policy: one worker at a time collects. It takes every request queued now, up to
 * {@code maxBatchSize} rows. It waits for more only while another worker is computing (their callers
 * are about to come back, and no core is idle for want of work), while requests are on their way
 * ({@link Arrivals}: handed to request threads, not yet here), or while the server holds enough requests
 * besides the computing batches to fill this one ({@link #canFill()}), never past {@code maxQueueDelay}
 * after the oldest request arrived, and never when the batch is full. With nothing else in flight it
 * runs at once, so a lone caller sees the predictor's own latency.
 *
 * <p>At most {@code workers} batches compute at once (one per predictor), whether a worker thread or a caller
 * running inline ({@link #tryClaimIdleSlot()}) computes them; {@code computing} counts both.
 */
final class RequestQueue {

    enum Offer { ACCEPTED, FULL, CLOSED }

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final ArrayDeque<PendingRequest> waiting = new ArrayDeque<>();
    private final int capacity;
    private final int maxRows;
    private final long maxDelayNanos;
    private final int slots;
    private final Arrivals arrivals;
    private int computing;
    /** Rows in the batches computing now, by workers or inline callers. */
    private int computingRows;
    /** Rows the collector has taken so far (0 when none collects); with {@link #queuedRows}, whether it is full. */
    private int collectedRows;
    private int queuedRows;
    private boolean collecting;
    private boolean closed;
    private volatile int depth;

    RequestQueue(BatchingSettings settings, Arrivals arrivals) {
        this.arrivals = arrivals;
        this.capacity = settings.queueCapacity();
        this.maxRows = settings.maxBatchSize();
        this.maxDelayNanos = settings.maxQueueDelay().toNanos();
        this.slots = settings.workers();
    }

    /**
     * Claims a compute slot for a caller to run its own request at once, on its own thread: only when the
     * executor is idle, i.e. nothing is queued, collected or computing. The caller must call {@link #batchDone()}
     * afterwards.
     *
     * <p>Not "whenever a predictor is idle": request threads are virtual threads, and a caller computing inline
     * holds its carrier in native code. With as many carriers as cores as predictors (2, 2, 2 here), that rule let
     * every request compute inline, alone, and no batch ever formed: at 64 concurrent callers the measured batch
     * size was 1.0, and each request paid a whole one-row prediction. Now the second caller queues, and what
     * arrives while a prediction runs is batched, as without caller-runs; a lone caller still never waits.
     *
     * <p>Except a request that fills a batch alone ({@code rows >= maxBatchSize}, e.g. 32-row requests, or every
     * request with batching off): company cannot join it, so a worker would run it alone all the same, after a
     * hand-off that costs the caller a park (its whole stack frozen to the heap), the worker a wake-up and the
     * caller another. It computes inline whenever a predictor is free and nothing queued is ahead of it; a
     * collecting worker keeps the predictor it will need ({@code computing + collecting <= slots}). Not with
     * batching off ({@code maxBatchSize} 1), which keeps its hand-off: there every caller would compute on a carrier,
     * which on the loaded box moved its p99 both ways, and batching off is the baseline of the p99 goal (issue 6).
     */
    boolean tryClaimIdleSlot(int rows) {
        lock.lock();
        try {
            arrivals.landed();
            if (closed || !waiting.isEmpty()) {
                return false;
            }
            if (rows >= maxRows && maxRows > 1) {
                if (computing + (collecting ? 1 : 0) >= slots) {
                    return false;
                }
                computing++;
                computingRows += rows;
                return true;
            }
            if (collecting || computing > 0) {
                return false;
            }
            // Others on their way would batch with this request: queue it, the collector waits for them. A
            // request that fills a batch alone gains nothing from company.
            if (rows < maxRows && arrivals.onTheWay() > 0) {
                return false;
            }
            computing++;
            computingRows += rows;
            return true;
        } finally {
            lock.unlock();
        }
    }

    /** Waits until no batch computes (workers stopped and inline callers done), at most until {@code deadlineNanos}. */
    boolean awaitIdle(long deadlineNanos) throws InterruptedException {
        lock.lock();
        try {
            while (computing > 0) {
                long left = deadlineNanos - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                changed.awaitNanos(left);
            }
            return true;
        } finally {
            lock.unlock();
        }
    }

    Offer offer(PendingRequest request) {
        lock.lock();
        try {
            // Landed under the lock that queues it: a collector finds a request either on its way or queued,
            // never in between (it would run without it).
            arrivals.landed();
            if (closed) {
                return Offer.CLOSED;
            }
            if (waiting.size() >= capacity) {
                return Offer.FULL;
            }
            waiting.addLast(request);
            queuedRows += request.rows();
            depth = waiting.size();
            if (wakeupNeeded()) {
                changed.signalAll();
            }
            return Offer.ACCEPTED;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Whether a new request changes what a waiting thread would do. A collector waiting for arrivals only
     * needs to hear of the one that fills its batch or the last one on its way, not of each (a futex wake-up
     * and a context switch per request); with no collector, an idle worker must start collecting.
     */
    private boolean wakeupNeeded() {
        if (!collecting) {
            return computing < slots;
        }
        return collectedRows + queuedRows >= maxRows || (arrivals.onTheWay() == 0 && !canFill());
    }

    /**
     * Whether the server holds enough requests besides the batches computing now to fill a batch: those on their
     * way, queued, taken by the collector, or being answered (whose clients, under this much concurrency, send
     * their next request within a round trip). Then the collector waits for a full batch (still never past
     * {@code maxQueueDelay}) instead of running what the last moment's arrivals happened to bring: at 64 connections
     * this took batches from 15–17 to 27–28 rows and the server's CPU per request from a median 53 to 43 µs
     * (bench/inference/README.md, session 19).
     * Below {@code maxBatchSize} concurrent requests it is never true, so a batch never waits for company that
     * cannot come (the fixed delay that halves throughput at concurrency 16).
     */
    private boolean canFill() {
        return arrivals.inProgress() - computingRows >= maxRows;
    }

    /**
     * Blocks until a batch is formed; the caller then computes it and must call {@link #batchDone()}.
     *
     * @return the batch, or {@code null} once closed and drained
     */
    Batch nextBatch() throws InterruptedException {
        lock.lock();
        try {
            while (collecting || computing >= slots || (waiting.isEmpty() && !closed)) {
                changed.await();
            }
            if (waiting.isEmpty()) {
                return null;
            }
            collecting = true;
            Batch batch = null;
            try {
                batch = collect();
                return batch;
            } finally {
                collecting = false;
                collectedRows = 0;
                computing++;
                computingRows += batch == null ? 0 : batch.rows();
                depth = waiting.size();
                changed.signalAll();
            }
        } finally {
            lock.unlock();
        }
    }

    private Batch collect() {
        List<PendingRequest> taken = new ArrayList<>();
        List<PendingRequest> expired = new ArrayList<>(0);
        long cutoff = waiting.getFirst().enqueuedNanos() + maxDelayNanos;
        int rows = 0;
        while (true) {
            long now = System.nanoTime();
            while (!waiting.isEmpty()) {
                PendingRequest head = waiting.getFirst();
                if (head.expiredAt(now)) {
                    expired.add(waiting.removeFirst());
                    queuedRows -= head.rows();
                } else if (rows == 0 || rows + head.rows() <= maxRows) {
                    taken.add(waiting.removeFirst());
                    queuedRows -= head.rows();
                    rows += head.rows();
                } else {
                    break;
                }
            }
            collectedRows = rows;
            depth = waiting.size();
            boolean full = rows >= maxRows || !waiting.isEmpty();
            long remaining = cutoff - System.nanoTime();
            boolean moreComing = computing > 0 || arrivals.onTheWay() > 0 || canFill();
            if (full || rows == 0 || !moreComing || closed || remaining <= 0) {
                return dropExpired(taken, expired, rows);
            }
            try {
                changed.awaitNanos(remaining);
            } catch (InterruptedException e) {
                // Run what was taken rather than lose it; the worker sees the flag at its next wait.
                Thread.currentThread().interrupt();
                return dropExpired(taken, expired, rows);
            }
        }
    }

    /** Requests may have passed their deadline while the batch was waiting for more. */
    private static Batch dropExpired(List<PendingRequest> taken, List<PendingRequest> expired, int rows) {
        long now = System.nanoTime();
        int kept = rows;
        for (var it = taken.iterator(); it.hasNext(); ) {
            PendingRequest request = it.next();
            if (request.expiredAt(now)) {
                it.remove();
                expired.add(request);
                kept -= request.rows();
            }
        }
        return new Batch(taken, expired, kept);
    }

    /**
     * Removes the queued requests past their deadline, for the watchdog: a collector drops them too, but only
     * once a worker gets to them, and a stuck worker never does.
     */
    List<PendingRequest> removeExpired(long now) {
        lock.lock();
        try {
            List<PendingRequest> expired = new ArrayList<>(0);
            for (var it = waiting.iterator(); it.hasNext(); ) {
                PendingRequest request = it.next();
                if (request.expiredAt(now)) {
                    it.remove();
                    queuedRows -= request.rows();
                    expired.add(request);
                }
            }
            depth = waiting.size();
            return expired;
        } finally {
            lock.unlock();
        }
    }

    /** A worker or inline caller finished computing {@code rows}; a collector waiting on it may now run its batch. */
    void batchDone(int rows) {
        lock.lock();
        try {
            computing--;
            computingRows -= rows;
            // Only a collector, a worker with requests to take, or a shutdown waiting for idle cares that a slot
            // freed. With nothing queued (every request of a lone caller, computed inline) waking the idle workers
            // would only cost two futex wake-ups and context switches per request for them to sleep again.
            if (collecting || !waiting.isEmpty() || closed) {
                changed.signalAll();
            }
        } finally {
            lock.unlock();
        }
    }

    /** Refuses new requests; workers drain what is queued without waiting, then stop. */
    void close() {
        lock.lock();
        try {
            closed = true;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    boolean isClosed() {
        lock.lock();
        try {
            return closed;
        } finally {
            lock.unlock();
        }
    }

    int depth() {
        return depth;
    }
}
