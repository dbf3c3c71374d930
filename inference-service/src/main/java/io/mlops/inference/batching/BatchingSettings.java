package io.mlops.inference.batching;

import java.time.Duration;

/**
 * Batching settings of one model version.
 *
 * @param maxBatchSize  most rows in one batched prediction; a single request with more rows runs alone, unsplit
 * @param maxQueueDelay longest time the oldest request of a forming batch is held back to let more join;
 *                      only spent while other workers are computing (see {@link BatchingExecutor})
 * @param queueCapacity requests that may wait; one more is refused at once with {@link InferenceQueueFull}
 * @param workers       worker threads, each owning one {@link BatchPredictor}
 */
public record BatchingSettings(int maxBatchSize, Duration maxQueueDelay, int queueCapacity, int workers) {

    /** 32 rows amortise a small MLP's call overhead (~5× rows/s over one row at a time on this box). */
    public static final int DEFAULT_MAX_BATCH_SIZE = 32;
    /** Small against the 20 ms p99 goal, and only ever spent under load. */
    public static final Duration DEFAULT_MAX_QUEUE_DELAY = Duration.ofMillis(2);
    /** Enough for 64 concurrent one-row clients with room to spare; beyond it clients should back off. */
    public static final int DEFAULT_QUEUE_CAPACITY = 512;

    public BatchingSettings {
        if (maxBatchSize < 1) {
            throw new IllegalArgumentException("maxBatchSize must be at least 1, was " + maxBatchSize);
        }
        if (maxQueueDelay == null || maxQueueDelay.isNegative()) {
            throw new IllegalArgumentException("maxQueueDelay must be zero or positive, was " + maxQueueDelay);
        }
        if (queueCapacity < 1) {
            throw new IllegalArgumentException("queueCapacity must be at least 1, was " + queueCapacity);
        }
        if (workers < 1) {
            throw new IllegalArgumentException("workers must be at least 1, was " + workers);
        }
    }

    /** Defaults with the worker count of {@link ThreadBudget#forThisMachine()}. */
    public static BatchingSettings defaults() {
        return new BatchingSettings(DEFAULT_MAX_BATCH_SIZE, DEFAULT_MAX_QUEUE_DELAY, DEFAULT_QUEUE_CAPACITY,
                ThreadBudget.forThisMachine().workers());
    }

    public BatchingSettings withMaxBatchSize(int value) {
        return new BatchingSettings(value, maxQueueDelay, queueCapacity, workers);
    }

    public BatchingSettings withMaxQueueDelay(Duration value) {
        return new BatchingSettings(maxBatchSize, value, queueCapacity, workers);
    }

    public BatchingSettings withQueueCapacity(int value) {
        return new BatchingSettings(maxBatchSize, maxQueueDelay, value, workers);
    }

    public BatchingSettings withWorkers(int value) {
        return new BatchingSettings(maxBatchSize, maxQueueDelay, queueCapacity, value);
    }

    /** Batching off: every request is its own prediction (for comparison runs). */
    public BatchingSettings withoutBatching() {
        return new BatchingSettings(1, Duration.ZERO, queueCapacity, workers);
    }
}
