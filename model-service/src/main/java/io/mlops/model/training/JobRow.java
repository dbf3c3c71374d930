package io.mlops.model.training;

import java.time.Instant;
import java.util.UUID;

/** One {@code training_jobs} row; JSON columns as text. */
record JobRow(UUID id, String modelName, JobState state, String request, String owner, int attempts,
    boolean cancelRequested, String progress, String result, String error, Integer modelVersion, Instant createdAt,
    Instant startedAt, Instant heartbeatAt, Instant finishedAt) {
}
