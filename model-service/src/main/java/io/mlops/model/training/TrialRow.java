package io.mlops.model.training;

import java.time.Instant;

/** One {@code training_trials} row: a candidate's hyperparameters and its cross-validation scores. */
record TrialRow(int trial, String hyperparameters, String state, String metric, String foldScores, Double meanScore,
    Instant startedAt, Instant finishedAt) {
}
