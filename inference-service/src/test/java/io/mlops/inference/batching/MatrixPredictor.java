package io.mlops.inference.batching;

import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A real predictor for tests: {@code tanh(x·W + b)} with fixed weights, row by row in float, so a row's
 * output does not depend on which batch it was in. Counts the rows it computed and its closes, and can
 * hold its first call at a {@link Gate} so a test can pile requests up behind a busy worker.
 */
final class MatrixPredictor implements BatchPredictor {

    static final int FEATURES = 16;
    static final int OUTPUTS = 4;

    private final Gate gate;
    private final AtomicLong rowsComputed;
    private final AtomicInteger closes;

    MatrixPredictor(Gate gate, AtomicLong rowsComputed, AtomicInteger closes) {
        this.gate = gate;
        this.rowsComputed = rowsComputed;
        this.closes = closes;
    }

    static MatrixPredictor plain() {
        return new MatrixPredictor(Gate.opened(), new AtomicLong(), new AtomicInteger());
    }

    /** {@code rows} rows of Gaussian inputs, the same for the same seed. */
    static float[] block(long seed, int rows) {
        Random random = new Random(seed);
        float[] values = new float[rows * FEATURES];
        for (int i = 0; i < values.length; i++) {
            values[i] = (float) random.nextGaussian();
        }
        return values;
    }

    /** The outputs of {@code rows} rows computed alone, without an executor: what any batching must give. */
    static float[] serial(float[] block, int rows) throws InterruptedException {
        return plain().predict(block, rows);
    }

    static float weight(int feature, int output) {
        return (float) Math.sin(feature * 31 + output * 7 + 1) / FEATURES;
    }

    static float bias(int output) {
        return 0.1f * output - 0.15f;
    }

    @Override
    public float[] predict(float[] rowMajor, int rows) throws InterruptedException {
        gate.passOrHold();
        float[] out = new float[rows * OUTPUTS];
        for (int r = 0; r < rows; r++) {
            for (int o = 0; o < OUTPUTS; o++) {
                float sum = bias(o);
                for (int f = 0; f < FEATURES; f++) {
                    float x = rowMajor[r * FEATURES + f];
                    if (!Float.isFinite(x)) {
                        throw new IllegalArgumentException("row " + r + " feature " + f + " is " + x);
                    }
                    sum += x * weight(f, o);
                }
                out[r * OUTPUTS + o] = (float) Math.tanh(sum);
            }
        }
        rowsComputed.addAndGet(rows);
        return out;
    }

    @Override
    public void close() {
        closes.incrementAndGet();
    }

    /** Holds the first predict call (of any worker) until {@link #open()}; later calls pass. */
    static final class Gate {

        final CountDownLatch entered = new CountDownLatch(1);
        private final CountDownLatch opened = new CountDownLatch(1);
        private final AtomicBoolean first = new AtomicBoolean(true);

        static Gate held() {
            return new Gate();
        }

        static Gate opened() {
            Gate gate = new Gate();
            gate.open();
            return gate;
        }

        void open() {
            opened.countDown();
        }

        void awaitEntered() throws InterruptedException {
            if (!entered.await(10, TimeUnit.SECONDS)) {
                throw new AssertionError("no worker reached the predictor");
            }
        }

        private void passOrHold() throws InterruptedException {
            if (first.compareAndSet(true, false)) {
                entered.countDown();
                if (!opened.await(30, TimeUnit.SECONDS)) {
                    throw new IllegalStateException("gate never opened");
                }
            }
        }
    }
}
