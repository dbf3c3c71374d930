package io.mlops.model.retraining;

import io.mlops.domain.model.AliasChange;
import io.mlops.model.registry.AliasView;
import io.mlops.model.registry.ModelRegistry;
import io.mlops.model.registry.ModelSource;
import io.mlops.model.registry.ModelSummary;
import io.mlops.model.registry.ModelVersionView;
import io.mlops.model.retraining.RetrainingRun.Decision;
import io.mlops.model.training.TrainingJobRequest;
import io.mlops.model.training.TrainingJobView;
import io.mlops.model.training.TrainingJobs;
import io.mlops.model.training.data.FeatureServiceClient;
import io.mlops.support.web.ApiProblem;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Decides what a trigger does, inside the transaction that records its event id: nothing when no enabled
 * policy reacts to it or the event's version is not the one behind the policy's alias; a SKIPPED run
 * while another run is open, during the cooldown, for a champion no job trained, or without newer data;
 * otherwise the champion's training request resubmitted on the newest materialized feature-set version
 * (same everything else, same seed) through the normal job path, an open run, and a RETRAINING_STARTED
 * entry in the alias history.
 */
@Component
class RetrainingStarter {

  static final String ACTOR = "retraining-policy";
  private static final Logger log = LoggerFactory.getLogger(RetrainingStarter.class);

  private final PolicyRows policies;
  private final RunRows runs;
  private final ModelRegistry registry;
  private final TrainingJobs jobs;
  private final FeatureServiceClient features;

  RetrainingStarter(PolicyRows policies, RunRows runs, ModelRegistry registry, TrainingJobs jobs,
      FeatureServiceClient features) {
    this.policies = policies;
    this.runs = runs;
    this.registry = registry;
    this.jobs = jobs;
    this.features = features;
  }

  /** Call inside a transaction (the policy row stays locked until it ends). */
  void start(TriggerEvent trigger) {
    String model = trigger.model().model();
    Optional<RetrainingPolicy> found = policies.lock(model);
    if (found.isEmpty() || !found.get().reactsTo(trigger.trigger())) {
      log.debug("{}: no enabled retraining policy of {} reacts to it", trigger.describe(), model);
      return;
    }
    RetrainingPolicy policy = found.get();
    String alias = policy.alias();
    Integer behindAlias = aliasVersion(model, alias);
    if (behindAlias == null || behindAlias != trigger.model().version()) {
      log.info("{}: ignored, {} '{}' points at {}", trigger.describe(), model, alias,
          behindAlias == null ? "nothing" : "v" + behindAlias);
      return;
    }
    int champion = behindAlias;
    ModelSummary summary = registry.model(model);
    Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
    var run = new Start(UUID.randomUUID(), summary, alias, trigger, champion, now);

    Optional<RetrainingRun> open = runs.open(summary.id(), alias);
    if (open.isPresent()) {
      run.skip("run " + open.get().id() + " is still training (job " + open.get().trainingJobId() + ")");
      return;
    }
    Optional<Instant> last = runs.lastFinished(summary.id(), alias);
    if (last.isPresent() && last.get().plus(policy.cooldown()).isAfter(now)) {
      run.skip("cooldown " + policy.cooldown() + " after the run that finished at " + last.get() + " lasts until "
          + last.get().plus(policy.cooldown()));
      return;
    }
    ModelVersionView version = registry.version(model, champion);
    if (version.source() != ModelSource.TRAINED || version.lineage() == null
        || version.lineage().trainingJob() == null) {
      run.skip("champion v" + champion + " was " + version.source().name().toLowerCase()
          + " without a training job: there is no configuration to retrain");
      return;
    }
    UUID sourceJob = version.lineage().trainingJob().value();
    Optional<TrainingJobRequest> source = jobs.request(sourceJob);
    if (source.isEmpty()) {
      run.skip("training job " + sourceJob + " of champion v" + champion + " no longer exists");
      return;
    }
    TrainingJobRequest request = source.get();
    String featureSet = request.featureSet();
    int newest;
    try {
      newest = features.newestMaterializedVersion(featureSet).orElse(0);
    } catch (ApiProblem e) {
      run.fail(featureSet, null, "could not find the newest version of feature set '" + featureSet + "': "
          + e.getMessage());
      return;
    }
    if (newest <= request.featureSetVersion()) {
      run.skip("no materialized version of feature set '" + featureSet + "' is newer than v"
          + request.featureSetVersion() + ", which champion v" + champion + " was trained on");
      return;
    }
    TrainingJobView job;
    try {
      job = jobs.submit(onVersion(request, newest));
    } catch (ApiProblem e) {
      run.fail(featureSet, newest, "the champion's training request was refused on " + featureSet + "@" + newest
          + ": " + e.getMessage());
      return;
    }
    runs.insert(run.id(), summary.id(), alias, trigger, champion, job.id(), featureSet, newest, null, null, now);
    registry.recordAliasStep(model, alias, champion, AliasChange.Action.RETRAINING_STARTED, ACTOR,
        "retraining started by " + trigger.describe() + ": training job " + job.id() + " retrains v" + champion
            + "'s configuration on " + featureSet + "@" + newest + " (run " + run.id() + ")");
    log.info("{}: retraining {} '{}' v{} on {}@{} as job {}", trigger.describe(), model, alias, champion, featureSet,
        newest, job.id());
  }

  private Integer aliasVersion(String model, String alias) {
    try {
      return registry.model(model).aliases().get(alias);
    } catch (ApiProblem e) { // the model does not exist (any more)
      return null;
    }
  }

  private static TrainingJobRequest onVersion(TrainingJobRequest r, int featureSetVersion) {
    return new TrainingJobRequest(r.modelName(), r.featureSet(), featureSetVersion, r.labelColumn(), r.task(),
        r.algorithm(), r.optimizer(), r.seed(), r.split(), r.search());
  }

  /** A run being decided: the ways it can end before any job starts. */
  private final class Start {
    private final UUID id;
    private final ModelSummary model;
    private final String alias;
    private final TriggerEvent trigger;
    private final int champion;
    private final Instant at;

    Start(UUID id, ModelSummary model, String alias, TriggerEvent trigger, int champion, Instant at) {
      this.id = id;
      this.model = model;
      this.alias = alias;
      this.trigger = trigger;
      this.champion = champion;
      this.at = at;
    }

    UUID id() {
      return id;
    }

    /** Recorded in the runs only: a trigger storm must not flood the alias history. */
    void skip(String reason) {
      log.info("{}: retraining skipped: {}", trigger.describe(), reason);
      runs.insert(id, model.id(), alias, trigger, champion, null, null, null, Decision.SKIPPED, reason, at);
    }

    void fail(String featureSet, Integer featureSetVersion, String reason) {
      log.warn("{}: retraining failed to start: {}", trigger.describe(), reason);
      runs.insert(id, model.id(), alias, trigger, champion, null, featureSet, featureSetVersion, Decision.FAILED, reason,
          at);
      registry.recordAliasStep(model.name(), alias, champion, AliasChange.Action.RETRAINING_FAILED, ACTOR,
          "retraining triggered by " + trigger.describe() + " failed to start: " + reason);
    }
  }
}
