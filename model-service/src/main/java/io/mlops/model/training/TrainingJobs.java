package io.mlops.model.training;

import io.mlops.domain.id.TrainingJobId;
import io.mlops.events.EventJson;
import io.mlops.events.TrainingJobRequested;
import io.mlops.model.training.data.FeatureServiceClient;
import io.mlops.model.training.data.FeatureSetInfo;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import io.mlops.support.outbox.OutboxWriter;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.core.type.TypeReference;

/**
 * Accepting, reading and cancelling training jobs. A request is checked completely (its fields, the
 * feature-set version and the label at the feature-service) before anything is stored, so a refused
 * request leaves nothing behind; an accepted one is one QUEUED row that any instance may claim, and a
 * {@link TrainingJobRequested} record on {@code mlops.training.requests} (through the outbox, in the
 * same transaction) so an instance with a free worker claims it at once.
 */
@Service
public class TrainingJobs {

  private final JobRows rows;
  private final FeatureServiceClient features;
  private final JobDispatcher dispatcher;
  private final OutboxWriter outbox;
  private final TransactionTemplate tx;

  TrainingJobs(JobRows rows, FeatureServiceClient features, JobDispatcher dispatcher, OutboxWriter outbox,
      PlatformTransactionManager transactions) {
    this.rows = rows;
    this.features = features;
    this.dispatcher = dispatcher;
    this.outbox = outbox;
    this.tx = new TransactionTemplate(transactions);
  }

  public TrainingJobView submit(TrainingJobRequest request) {
    TrainingPlan plan = TrainingPlan.of(request);
    FeatureSetInfo info = features.describe(plan.featureSet());
    LabelChecks.require(plan, info);
    UUID id = UUID.randomUUID();
    // the row and its request record commit together; the relay then tells every replica's consumer group
    tx.executeWithoutResult(status -> {
      rows.insert(id, plan.modelName(), EventJson.mapper().writeValueAsString(request));
      outbox.append(new TrainingJobRequested(new TrainingJobId(id), plan.modelName(), plan.featureSet()));
    });
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

  /** The request a job was submitted with, as stored (retraining resubmits it on newer data). */
  public java.util.Optional<TrainingJobRequest> request(UUID id) {
    return rows.find(id).map(row -> EventJson.mapper().readValue(row.request(), TrainingJobRequest.class));
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
