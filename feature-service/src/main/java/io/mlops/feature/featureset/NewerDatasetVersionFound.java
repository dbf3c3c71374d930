package io.mlops.feature.featureset;

/**
 * A follow-latest set was just created on a dataset version that is no longer the latest: a
 * DataIngested for the newer one may have been consumed before the set was stored and so refitted
 * nothing. An in-process (Spring) event, so that the refit goes the listener's way.
 */
public record NewerDatasetVersionFound(String featureSet, int datasetVersion) {
}
