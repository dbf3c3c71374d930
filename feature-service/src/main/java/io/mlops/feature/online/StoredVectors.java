package io.mlops.feature.online;

import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.output.CommandOutput;
import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * An MGET reply kept as one byte array: Lettuce hands each value to {@link #set(ByteBuffer)} on its
 * event loop, and the bytes are appended to {@code values} (a pooled {@link AnswerBuffer}) instead of
 * becoming a byte[] and a KeyValue each, ~40 KB of garbage per 100-entity lookup with the
 * ByteArrayCodec. The request thread reads it once the command completed (the future's completion
 * orders the event loop's writes before those reads).
 */
final class StoredVectors extends CommandOutput<byte[], byte[], StoredVectors> {

    private final AnswerBuffer values;
    private int[] starts;
    private int[] lengths;
    private final int expected;
    private int count;

    StoredVectors(AnswerBuffer values, int expected) {
        super(ByteArrayCodec.INSTANCE, null);
        this.values = values;
        this.expected = expected;
        this.starts = new int[expected];
        this.lengths = new int[expected];
    }

    @Override
    public void set(ByteBuffer bytes) {
        if (count == starts.length) {
            starts = Arrays.copyOf(starts, count * 2 + 1);
            lengths = Arrays.copyOf(lengths, count * 2 + 1);
        }
        starts[count] = values.size();
        lengths[count] = bytes == null ? -1 : bytes.remaining();
        if (bytes != null) {
            values.write(bytes);
        }
        count++;
    }

    @Override
    public StoredVectors get() {
        return this;
    }

    int count() {
        return count;
    }

    /** How many values the MGET asked for. */
    int expected() {
        return expected;
    }

    /** Whether entity {@code i} has a stored value. */
    boolean present(int i) {
        return lengths[i] >= 0;
    }

    byte[] bytes() {
        return values.array();
    }

    int start(int i) {
        return starts[i];
    }

    int length(int i) {
        return lengths[i];
    }

    AnswerBuffer buffer() {
        return values;
    }
}
