package io.mlops.monitoring.reference;

import io.mlops.domain.id.DatasetVersionRef;

/** The data-service sent more than the configured cap for a reference (bytes or rows); nothing was stored. */
class ReferenceSampleTooLarge extends RuntimeException {

    ReferenceSampleTooLarge(DatasetVersionRef dataset, String what, String detail) {
        super("the " + what + " of dataset " + dataset + " is too large for a reference: " + detail);
    }
}
