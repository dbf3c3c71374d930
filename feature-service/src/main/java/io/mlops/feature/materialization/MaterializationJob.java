package io.mlops.feature.materialization;

import java.time.Instant;
import java.util.UUID;

/** One run that fills a version's offline table and online keys; {@code rowsTotal} is the dataset's row count. */
record MaterializationJob(UUID id, String featureSet, int version, State state, long rowsDone, long rowsTotal,
                          String error, Instant createdAt, Instant startedAt, Instant finishedAt) {

    enum State { QUEUED, RUNNING, SUCCEEDED, FAILED }
}
