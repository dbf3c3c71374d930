package io.mlops.feature.online;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Arrays;

/**
 * A growable byte buffer for a lookup's answer. Hand-written instead of ByteArrayOutputStream, which
 * synchronizes every write (a 100-entity answer is thousands of small writes) and cannot take back
 * a half-written entity.
 */
final class AnswerBuffer {

    private byte[] bytes;
    private int size;

    AnswerBuffer(int capacity) {
        bytes = new byte[Math.max(capacity, 64)];
    }

    int size() {
        return size;
    }

    int capacity() {
        return bytes.length;
    }

    /**
     * Sets the size: forgets everything written after {@code size} bytes, or, after {@link #ensure} and
     * writes straight into {@link #array()}, takes them up to {@code size}.
     */
    void truncate(int size) {
        this.size = size;
    }

    void write(byte b) {
        ensure(1);
        bytes[size++] = b;
    }

    void write(byte[] b) {
        write(b, 0, b.length);
    }

    void write(byte[] b, int from, int length) {
        ensure(length);
        System.arraycopy(b, from, bytes, size, length);
        size += length;
    }

    /** Room for {@code more} bytes, so that a sequence of writes checks capacity once. */
    void ensure(int more) {
        if (size + more > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + more));
        }
    }

    void write(java.nio.ByteBuffer b) {
        int length = b.remaining();
        ensure(length);
        b.get(bytes, size, length);
        size += length;
    }

    /** The backing array: valid up to {@link #size()}, replaced when the buffer grows. */
    byte[] array() {
        return bytes;
    }

    void writeTo(OutputStream out) throws IOException {
        out.write(bytes, 0, size);
    }

    byte[] toByteArray() {
        return Arrays.copyOf(bytes, size);
    }
}
