package io.mlops.monitoring.reference;

import io.mlops.domain.id.DatasetVersionRef;

/** The data-service could not be reached in time, or answered with an error, for a reference's dataset version. */
class ReferenceFetchFailed extends RuntimeException {

    ReferenceFetchFailed(DatasetVersionRef dataset, String what, String detail, Throwable cause) {
        super("fetching the " + what + " of dataset " + dataset + " from the data-service failed: " + detail, cause);
    }
}
