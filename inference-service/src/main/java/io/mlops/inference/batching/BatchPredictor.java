package io.mlops.inference.batching;

/**
 * One worker's private predictor. Not required to be thread-safe: the executor never calls one
 * instance from two threads (DJL's {@code Predictor} is not thread-safe either).
 */
public interface BatchPredictor extends AutoCloseable {

    /**
     * Predicts a block of rows.
     *
     * @param rowMajor {@code rows × featureCount} inputs, row after row
     * @param rows     number of rows in {@code rowMajor}
     * @return {@code rows × outputWidth} outputs, row after row (the width is inferred from the length)
     */
    float[] predict(float[] rowMajor, int rows) throws Exception;

    /** Releases native memory; called once, on the worker's own thread, when the executor stops. */
    @Override
    default void close() throws Exception {
    }
}
