package io.mlops.model.training;

import io.mlops.domain.id.TrainingJobId;
import io.mlops.events.EventJson;
import io.mlops.domain.model.Hyperparameters;
import io.mlops.domain.model.Lineage;
import io.mlops.domain.model.Metrics;
import io.mlops.domain.model.Task;
import io.mlops.model.registry.ModelRegistry;
import io.mlops.model.registry.ModelVersionView;
import io.mlops.model.registry.RegisterVersion;
import io.mlops.model.registry.VersionGuard;
import io.mlops.model.training.data.FeatureServiceClient;
import io.mlops.model.training.data.FeatureSetInfo;
import io.mlops.model.training.data.TrainingDataUnusable;
import io.mlops.model.training.fit.DjlFit;
import io.mlops.model.training.fit.Evaluation;
import io.mlops.model.training.fit.FittedNet;
import io.mlops.model.training.fit.Matrix;
import io.mlops.model.training.fit.Splits;
import io.mlops.runtime.artifact.ModelArchive;
import io.mlops.runtime.artifact.ModelManifest;
import io.mlops.runtime.artifact.OutputSpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Runs one claimed job: training data from the feature-service, holdout split, trials, refit of the
 * best candidate on all training rows (train + validation), evaluation on the holdout, packing and
 * registration, which also finishes the job (same transaction). Returns the result stored with the job.
 */
@Component
class JobExecution {

  private static final Logger log = LoggerFactory.getLogger(JobExecution.class);

  private final FeatureServiceClient features;
  private final ModelRegistry registry;
  private final JobRows rows;

  JobExecution(FeatureServiceClient features, ModelRegistry registry, JobRows rows) {
    this.features = features;
    this.registry = registry;
    this.rows = rows;
  }

  record Outcome(int modelVersion, Map<String, Object> result) {
  }

  /** A fitted, evaluated model not registered yet; closing it frees the network. */
  record Trained(FittedNet net, ModelManifest manifest, Evaluation evaluation, Lineage lineage,
      Map<String, Object> hyperparameters, Map<String, Object> result) implements AutoCloseable {
    @Override
    public void close() {
      net.close();
    }
  }

  Outcome run(JobLease lease, TrainingPlan plan, ProgressReporter progress) {
    try (Trained trained = train(lease.job(), plan, progress)) {
      return register(lease, plan, trained);
    }
  }

  Trained train(UUID job, TrainingPlan plan, ProgressReporter progress) {
    long start = System.nanoTime();
    rows.clearTrials(job); // a re-queued job starts over
    progress.phase("loading");
    FeatureSetInfo info = features.describe(plan.featureSet());
    LabelChecks.require(plan, info); // the set's definition may have changed since the job was accepted
    Matrix data = features.trainingData(plan.featureSet(), info.features(), plan.labelColumn(),
        plan.task().isClassification()).matrix();
    requireClasses(plan.task(), data);
    log.info("job {}: {} rows x {} features loaded in {} ms", job, data.rows(), data.cols(), millis(start));
    Splits.Split holdout = plan.holdout(data.rows());
    Matrix train = data.rows(holdout.train());
    Matrix test = data.rows(holdout.test());
    progress.epochsPlanned = TrialSearch.plannedEpochs(plan) + plan.candidates().stream()
        .mapToLong(h -> h.epochs()).max().orElse(0);
    progress.phase("search");
    TrialSearch.Best best = new TrialSearch(rows).run(job, plan, train, progress);
    log.info("job {}: {} trial(s) done at {} ms, best trial {}", job, plan.candidates().size(), millis(start),
        best.trial());
    progress.phase("final");
    progress.fold = 0;
    progress.trial = best.trial();
    OutputSpec output = new OutputSpec(plan.task(), data.classLabels(), null);
    FittedNet net = DjlFit.fit(train, null, best.params().withEpochs(best.epochs()), plan.task(), output.units(),
        plan.seed(), progress);
    try {
      Evaluation evaluation = Evaluation.of(plan.task(), net.predict(test), test);
      if (!plan.searching() && best.score() == null) {
        // no validation split and no search: the single trial's score is the holdout's
        rows.trialScored(job, 1, "[]", evaluation.metrics().get(Evaluation.selectionMetric(plan.task())), true);
      }
      if (!evaluation.finite()) {
        throw new TrainingDiverged(best.trial(), evaluation.metrics());
      }
      Lineage lineage = new Lineage(info.dataset(), info.datasetSha256(), plan.featureSet(), new TrainingJobId(job),
          plan.labelColumn());
      Map<String, Object> hyper = new LinkedHashMap<>(best.params().withEpochs(best.epochs()).asMap());
      hyper.put("seed", plan.seed());
      ModelManifest manifest = ModelManifest.djl(best.params().architecture(), Signatures.of(info), output,
          evaluation.metrics(), lineage);
      Map<String, Object> result = new LinkedHashMap<>();
      result.put("modelName", plan.modelName());
      result.put("modelVersion", null); // known once registered
      result.put("metrics", evaluation.metrics());
      result.put("confusionMatrix", evaluation.confusion());
      result.put("classLabels", evaluation.classLabels());
      result.put("bestTrial", best.trial());
      result.put("hyperparameters", hyper);
      result.put("trainRows", train.rows());
      result.put("holdoutRows", test.rows());
      // per-epoch wall time of the final fit (over trainRows): the figure bench/training compares with a bare DJL loop
      result.put("finalFitEpochMillis", roundedMillis(net.epochMillis()));
      result.put("finalFitEpochCpuMillis", roundedMillis(net.epochCpuMillis()));
      log.info("job {}: trained at {} ms, metrics {}", job, millis(start), evaluation.metrics());
      return new Trained(net, manifest, evaluation, lineage, hyper, result);
    } catch (RuntimeException | Error e) {
      net.close();
      throw e;
    }
  }

  /**
   * Registers the trained model and marks the job SUCCEEDED in one transaction, only while the job is
   * still the lease's RUNNING job (same owner, same attempt): a job taken over after missed heartbeats, or re-run after a
   * crash, can never register a second version (or emit a second ModelTrained).
   *
   * @throws JobNoLongerOwned if the job is no longer this lease's running job (nothing is registered)
   */
  Outcome register(JobLease lease, TrainingPlan plan, Trained trained) {
    UUID job = lease.job();
    Map<String, Object> result = new LinkedHashMap<>(trained.result());
    VersionGuard finishJob = version -> {
      result.put("modelVersion", version.version());
      if (!rows.finish(lease, JobState.SUCCEEDED, EventJson.mapper().writeValueAsString(result), version.version(),
          null)) {
        throw new JobNoLongerOwned(lease);
      }
    };
    Path archive = null;
    try {
      archive = Files.createTempFile("mlops-trained-", ".zip");
      ModelArchive.writeDjl(trained.manifest(), trained.net().model(), archive);
      ModelVersionView version = registry.register(RegisterVersion.trained(plan.modelName(), archive,
          new Metrics(trained.evaluation().metrics()), new Hyperparameters(trained.hyperparameters()), trained.lineage(),
          "training-job:" + job, finishJob));
      log.info("job {}: registered {} v{}", job, plan.modelName(), version.version());
      return new Outcome(version.version(), result);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      if (archive != null) {
        try {
          Files.deleteIfExists(archive);
        } catch (IOException ignored) {
          // a temp file left behind is harmless
        }
      }
    }
  }

  private static java.util.List<Double> roundedMillis(double[] millis) {
    return java.util.Arrays.stream(millis).map(ms -> Math.round(ms * 1000) / 1000.0).boxed().toList();
  }

  private static long millis(long startNanos) {
    return (System.nanoTime() - startNanos) / 1_000_000;
  }

  private static void requireClasses(Task task, Matrix data) {
    if (task == Task.BINARY && data.classLabels().size() != 2) {
      throw new TrainingDataUnusable("binary needs exactly 2 label values, found " + data.classLabels().size() + ": "
          + data.classLabels().stream().limit(10).toList());
    }
    if (task == Task.MULTICLASS && data.classLabels().size() < 2) {
      throw new TrainingDataUnusable("multiclass needs at least 2 label values, found " + data.classLabels());
    }
  }
}
