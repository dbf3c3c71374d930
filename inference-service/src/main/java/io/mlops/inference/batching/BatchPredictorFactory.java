package io.mlops.inference.batching;

/** Creates the predictor a worker owns for its whole life, e.g. {@code model::newPredictor} wrapped. */
@FunctionalInterface
public interface BatchPredictorFactory {

    BatchPredictor create(int workerIndex) throws Exception;
}
