package io.mlops.model.retraining;

import io.mlops.domain.feature.FeatureTransformer;
import io.mlops.domain.id.DatasetVersionRef;
import io.mlops.domain.model.Task;
import io.mlops.model.registry.ModelRegistry;
import io.mlops.model.registry.ModelVersionView;
import io.mlops.model.training.TrainingJobRequest;
import io.mlops.model.training.TrainingJobs;
import io.mlops.model.training.TrainingPlan;
import io.mlops.model.training.fit.Evaluation;
import io.mlops.model.training.fit.Matrix;
import io.mlops.runtime.archive.Directories;
import io.mlops.runtime.artifact.Feature;
import io.mlops.runtime.artifact.InputSignature;
import io.mlops.runtime.artifact.ModelArchive;
import io.mlops.runtime.inference.BatchPredictor;
import io.mlops.runtime.inference.LoadedModel;
import io.mlops.runtime.inference.ModelLoader;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Scores champion and challenger on the same rows: the challenger's holdout (its job's split over the
 * newest dataset version, whose raw rows come from the data-service in file order, the order of the
 * feature-service's training data), each version through its own artifact: its fitted transformation
 * spec on the raw values, then its network, as inference would. The metric is the task's selection
 * metric (R² for regression, accuracy for classification; higher is better).
 *
 * <p>The challenger's score there must equal the one its job registered (same rows, same spec, same
 * network), which checks that the raw rows line up with the training data. If they do not, or scoring
 * cannot be done (data-service unreachable, a holdout label the champion never saw, a row count that
 * does not match the challenger's holdout), the versions' registered holdout metrics are compared
 * instead, and {@link Scores#basis} says so: it ends up in the run's and the history's reason.
 */
@Component
class HoldoutScorer {

  private static final Logger log = LoggerFactory.getLogger(HoldoutScorer.class);
  /** Features computed from raw text here vs parsed from the feature-service's CSV at training: float noise only. */
  private static final double SAME_ROWS_TOLERANCE = 1e-4;

  /** @param basis which rows the scores come from, for the reason */
  record Scores(String metric, double champion, double challenger, String basis) {
  }

  private final RawRows rawRows;
  private final ModelRegistry registry;
  private final TrainingJobs jobs;

  HoldoutScorer(RawRows rawRows, ModelRegistry registry, TrainingJobs jobs) {
    this.rawRows = rawRows;
    this.registry = registry;
    this.jobs = jobs;
  }

  Scores score(ModelVersionView champion, ModelVersionView challenger, UUID challengerJob,
      Integer challengerHoldoutRows) {
    String metric = Evaluation.selectionMetric(challenger.task());
    try {
      TrainingJobRequest request = jobs.request(challengerJob)
          .orElseThrow(() -> new IllegalStateException("job " + challengerJob + " is gone"));
      TrainingPlan plan = TrainingPlan.of(request);
      DatasetVersionRef dataset = challenger.lineage() == null ? null : challenger.lineage().dataset();
      if (dataset == null) {
        throw new IllegalStateException("v" + challenger.version() + " has no dataset version in its lineage");
      }
      List<Map<String, String>> rows = rawRows.of(dataset);
      List<Map<String, String>> holdout = Arrays.stream(plan.holdout(rows.size()).test()).mapToObj(rows::get).toList();
      if (challengerHoldoutRows != null && challengerHoldoutRows != holdout.size()) {
        throw new IllegalStateException(dataset + " has " + rows.size() + " rows, a holdout of " + holdout.size()
            + ", but the challenger's job held out " + challengerHoldoutRows);
      }
      double challengerScore = evaluate(challenger, holdout, plan.labelColumn(), metric);
      Double registered = challenger.metrics().get(metric);
      if (registered != null && Math.abs(registered - challengerScore) > SAME_ROWS_TOLERANCE) {
        // its own holdout through its own artifact must reproduce what training measured: else these are other rows
        throw new IllegalStateException(String.format(java.util.Locale.ROOT, "the challenger scores %.6f on the raw "
            + "rows of %s but %.6f at training: the raw rows do not line up with its training data", challengerScore,
            dataset, registered));
      }
      double championScore = evaluate(champion, holdout, plan.labelColumn(), metric);
      return new Scores(metric, championScore, challengerScore, "both scored on the challenger's holdout ("
          + holdout.size() + " rows of dataset " + dataset + ")");
    } catch (RuntimeException e) {
      log.warn("v{} and v{} of {} could not be scored on one holdout, comparing registered metrics: {}",
          champion.version(), challenger.version(), champion.model(), e.toString());
      Double a = champion.metrics().get(metric);
      Double b = challenger.metrics().get(metric);
      if (a == null || b == null) {
        throw new IllegalStateException("no " + metric + " to compare: " + e.getMessage(), e);
      }
      return new Scores(metric, a, b, "each version's registered holdout " + metric
          + ", as scoring both on the challenger's holdout failed: " + e.getMessage());
    }
  }

  private double evaluate(ModelVersionView version, List<Map<String, String>> rows, String label, String metric) {
    Path folder = null;
    try {
      folder = Files.createTempDirectory("mlops-gate");
      Path archive = folder.resolve("artifact.zip");
      try (InputStream in = registry.openArtifact(version)) {
        Files.copy(in, archive);
      }
      var unpacked = ModelArchive.unpack(archive, version.artifactSha256(), folder.resolve("unpacked"));
      try (LoadedModel model = ModelLoader.load(unpacked); BatchPredictor predictor = model.newPredictor()) {
        InputSignature signature = model.signature();
        FeatureTransformer transformer = signature.transformations().transformer();
        float[] x = new float[rows.size() * transformer.width()];
        transformer.transformBatch(rows.stream().map(r -> typed(r, signature)).toList(), x);
        float[] outputs = predictor.predict(x, rows.size());
        Matrix truth = truth(version, rows, label, model.output().classLabels());
        Double score = Evaluation.of(version.task(), outputs, truth).metrics().get(metric);
        if (score == null) {
          throw new IllegalStateException("v" + version.version() + " has no " + metric);
        }
        return score;
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      if (folder != null) {
        Directories.deleteRecursively(folder);
      }
    }
  }

  /** The raw text values as the transformer takes them, by the signature's declared types; empty = missing. */
  private static Map<String, Object> typed(Map<String, String> row, InputSignature signature) {
    Map<String, Object> values = new HashMap<>();
    for (Feature feature : signature.features()) {
      if (!row.containsKey(feature.name())) {
        throw new IllegalStateException("the raw rows have no column '" + feature.name() + "'");
      }
      String text = row.get(feature.name());
      values.put(feature.name(), text == null || text.isEmpty() ? null : switch (feature.type()) {
        case NUMBER, INTEGER -> Double.parseDouble(text);
        case BOOLEAN -> Boolean.parseBoolean(text);
        case STRING -> text;
      });
    }
    return values;
  }

  /** Labels as the version knows them: its class labels (a numeric label matches by value: "1" = "1.0"). */
  private static Matrix truth(ModelVersionView version, List<Map<String, String>> rows, String label,
      List<String> classLabels) {
    int n = rows.size();
    if (version.task() == Task.REGRESSION) {
      float[] target = new float[n];
      for (int i = 0; i < n; i++) {
        target[i] = Float.parseFloat(rows.get(i).get(label));
      }
      return new Matrix(new float[0], n, 0, target, null, List.of());
    }
    int[] classes = new int[n];
    for (int i = 0; i < n; i++) {
      String value = rows.get(i).get(label);
      classes[i] = classIndex(classLabels, value);
      if (classes[i] < 0) {
        throw new IllegalStateException("holdout label '" + value + "' is not a class of v" + version.version()
            + " " + classLabels);
      }
    }
    return new Matrix(new float[0], n, 0, null, classes, classLabels);
  }

  private static int classIndex(List<String> labels, String value) {
    int exact = labels.indexOf(value);
    if (exact >= 0 || value == null) {
      return exact;
    }
    try {
      double number = Double.parseDouble(value);
      for (int c = 0; c < labels.size(); c++) {
        if (Double.parseDouble(labels.get(c)) == number) {
          return c;
        }
      }
    } catch (NumberFormatException e) {
      return -1;
    }
    return -1;
  }
}
