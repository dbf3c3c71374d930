package io.mlops.model.training;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** A job as the API shows it: state, progress while running, every trial's scores, the result when done. */
public record TrainingJobView(UUID id, String modelName, JobState state, int attempts, String owner,
    Map<String, Object> request, Map<String, Object> progress, List<Trial> trials, Map<String, Object> result,
    Integer modelVersion, String error, Instant createdAt, Instant startedAt, Instant heartbeatAt, Instant finishedAt) {

  /** One candidate: its hyperparameters, the metric, the score of each finished fold and their mean. */
  public record Trial(int trial, Map<String, Object> hyperparameters, String state, String metric,
      List<Double> foldScores, Double meanScore, Instant startedAt, Instant finishedAt) {
  }
}
