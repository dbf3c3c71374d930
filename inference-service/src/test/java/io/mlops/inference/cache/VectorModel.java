package io.mlops.inference.cache;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A real model for cache tests: a weight vector read from an artifact file of little-endian floats.
 * Like a native model, it refuses to predict once closed.
 */
final class VectorModel implements AutoCloseable {

    private final String version;
    private final float[] weights;
    private final AtomicBoolean closed = new AtomicBoolean();

    private VectorModel(String version, float[] weights) {
        this.version = version;
        this.weights = weights;
    }

    /** Writes an artifact of {@code floats} weights, weight i = (i % 7) + seed. */
    static Path writeArtifact(Path dir, String version, int floats, int seed) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(floats * Float.BYTES).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < floats; i++) {
            buffer.putFloat((i % 7) + seed);
        }
        return Files.write(dir.resolve(version + ".bin"), buffer.array());
    }

    static LoadedModel<VectorModel> load(Path dir, String version) throws IOException {
        Path artifact = dir.resolve(version + ".bin");
        ByteBuffer bytes = ByteBuffer.wrap(Files.readAllBytes(artifact)).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        float[] weights = new float[bytes.remaining() / Float.BYTES];
        bytes.asFloatBuffer().get(weights);
        return new LoadedModel<>(new VectorModel(version, weights), Files.size(artifact));
    }

    /** Dot product of {@code row} with the first weights. */
    float predict(float[] row) {
        if (closed.get()) {
            throw new IllegalStateException("model " + version + " is closed");
        }
        float sum = 0;
        for (int i = 0; i < row.length; i++) {
            sum += row[i] * weights[i];
        }
        return sum;
    }

    boolean isClosed() {
        return closed.get();
    }

    String version() {
        return version;
    }

    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            throw new IllegalStateException("model " + version + " closed twice");
        }
    }
}
