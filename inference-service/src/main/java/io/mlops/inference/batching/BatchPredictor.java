package io.mlops.inference.batching;

/**
 * One of an executor's predictors. Not required to be thread-safe: the executor never calls one instance
 * from two threads at once (DJL's {@code Predictor} is not thread-safe either), though successive batches
 * may run on different threads (a worker, or a caller computing inline).
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

    /** Releases native memory; called once, when the executor stops, after every computation has ended. */
    @Override
    default void close() throws Exception {
    }
}
