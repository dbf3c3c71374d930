package io.mlops.feature.online;

import java.util.concurrent.ArrayBlockingQueue;

/**
 * A few answer buffers kept for reuse (the MGET's reply is written straight into the answer, see
 * {@link AnswerOutput}): a 100-entity answer is ~52 KB, and allocating it per lookup kept G1's young
 * collections coming every fraction of a second under load (bench/feature-online). Bounded in number and in size, so that the pool holds at most
 * {@code MAX_KEPT × MAX_BYTES} however many request threads there are and however large an answer
 * was; a buffer not given back is simply collected.
 */
final class AnswerBuffers {

    static final int MAX_KEPT = 32;   // one per lookup in flight (its answer)
    static final int MAX_BYTES = 256 * 1024;

    private final ArrayBlockingQueue<AnswerBuffer> kept = new ArrayBlockingQueue<>(MAX_KEPT);

    /** An empty buffer with room for at least {@code capacity} bytes. */
    AnswerBuffer take(int capacity) {
        AnswerBuffer buffer = kept.poll();
        if (buffer == null) {
            return new AnswerBuffer(capacity);
        }
        buffer.truncate(0);
        buffer.ensure(capacity);
        return buffer;
    }

    void give(AnswerBuffer buffer) {
        if (buffer.capacity() <= MAX_BYTES) {
            kept.offer(buffer);
        }
    }
}
