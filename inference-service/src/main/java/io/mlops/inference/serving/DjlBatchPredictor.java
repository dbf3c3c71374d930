package io.mlops.inference.serving;

import io.mlops.inference.batching.BatchPredictor;

/** One worker's ml-runtime predictor (one DJL {@code Predictor}) behind the executor's interface. */
final class DjlBatchPredictor implements BatchPredictor {

    private final io.mlops.runtime.inference.BatchPredictor predictor;

    DjlBatchPredictor(io.mlops.runtime.inference.BatchPredictor predictor) {
        this.predictor = predictor;
    }

    @Override
    public float[] predict(float[] rowMajor, int rows) {
        return predictor.predict(rowMajor, rows);
    }

    @Override
    public void close() {
        predictor.close();
    }
}
