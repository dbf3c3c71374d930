package io.mlops.model.training;

import io.mlops.events.EventJson;
import io.mlops.model.training.data.FeatureServiceClient;
import io.mlops.model.training.data.FeatureSetInfo;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Service;
import tools.jackson.core.type.TypeReference;

/**
 * Accepting, reading and cancelling training jobs. A request is checked completely (its fields, the
 * feature-set version and the label at the feature-service) before anything is stored, so a refused
 * request leaves nothing behind; an accepted one is one QUEUED row that any instance may claim.
 */
@Service
public class TrainingJobs {

  private final JobRows rows;
  private final FeatureServiceClient features;
  private final JobDispatcher dispatcher;

  TrainingJobs(JobRows rows, FeatureServiceClient features, JobDispatcher dispatcher) {
    this.rows = rows;
    this.features = features;
    this.dispatcher = dispatcher;
  }

  public TrainingJobView submit(TrainingJobRequest request) {
    TrainingPlan plan = TrainingPlan.of(request);
    FeatureSetInfo info = features.describe(plan.featureSet());
    if (!info.labelColumns().contains(plan.labelColumn())) {
      throw new LabelColumnNotFound(plan.labelColumn(), plan.featureSet().featureSet(), info.labelColumns());
    }
    UUID id = UUID.randomUUID();
    rows.insert(id, plan.modelName(), EventJson.mapper().writeValueAsString(request));
    dispatcher.wake();
    return get(id);
  }

  public TrainingJobView get(UUID id) {
    JobRow row = rows.find(id).orElseThrow(() -> new TrainingJobNotFound(id));
    List<TrainingJobView.Trial> trials = rows.trials(id).stream().map(t -> new TrainingJobView.Trial(t.trial(),
        map(t.hyperparameters()), t.state(), t.metric(), EventJson.mapper().readValue(t.foldScores(),
            new TypeReference<List<Double>>() {}), t.meanScore(), t.startedAt(), t.finishedAt())).toList();
    return new TrainingJobView(row.id(), row.modelName(), row.state(), row.attempts(), row.owner(), map(row.request()),
        map(row.progress()), trials, map(row.result()), row.modelVersion(), row.error(), row.createdAt(),
        row.startedAt(), row.heartbeatAt(), row.finishedAt());
  }

  /** QUEUED jobs end at once; RUNNING ones stop at their next epoch (any instance sees the flag). */
  public TrainingJobView cancel(UUID id) {
    JobRow before = rows.find(id).orElseThrow(() -> new TrainingJobNotFound(id));
    if (rows.requestCancel(id).isEmpty()) {
      throw new TrainingJobAlreadyFinished(id, rows.find(id).map(JobRow::state).orElse(before.state()));
    }
    dispatcher.cancelLocal(id);
    return get(id);
  }

  private static Map<String, Object> map(String json) {
    return json == null ? null : EventJson.mapper().readValue(json, new TypeReference<Map<String, Object>>() {});
  }
}
