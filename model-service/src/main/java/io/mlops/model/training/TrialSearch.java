package io.mlops.model.training;

import io.mlops.events.EventJson;
import io.mlops.model.training.fit.DjlFit;
import io.mlops.model.training.fit.Evaluation;
import io.mlops.model.training.fit.FittedNet;
import io.mlops.model.training.fit.HyperParams;
import io.mlops.model.training.fit.Matrix;
import io.mlops.model.training.fit.Splits;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Scores every candidate and picks the best. With a search space: k-fold cross-validation on the
 * training rows (stratified for classification), mean of the selection metric. Without: the one
 * candidate, scored on its validation split when it has one (that fit also finds the early-stopping
 * epoch). Each trial's scores are written as soon as they exist.
 */
final class TrialSearch {

  /** The winner and how many epochs the final refit should run. */
  record Best(int trial, HyperParams params, int epochs, Double score) {
  }

  private final JobRows rows;

  TrialSearch(JobRows rows) {
    this.rows = rows;
  }

  Best run(UUID job, TrainingPlan plan, Matrix train, ProgressReporter progress) {
    String metric = Evaluation.selectionMetric(plan.task());
    int units = train.classification() && plan.task() != io.mlops.domain.model.Task.BINARY
        ? train.classLabels().size() : 1;
    List<HyperParams> candidates = plan.candidates();
    progress.trials = candidates.size();
    progress.folds = plan.folds();
    Best best = null;
    for (int t = 0; t < candidates.size(); t++) {
      HyperParams hp = candidates.get(t);
      int trial = t + 1;
      progress.trial = trial;
      rows.trialStarted(job, trial, EventJson.mapper().writeValueAsString(hp.asMap()), metric);
      try {
        List<Double> scores = new ArrayList<>();
        List<Integer> bestEpochs = new ArrayList<>();
        List<Splits.Split> folds = plan.searching()
            ? Splits.kFold(train.rows(), plan.folds(), plan.seed(), train.classification() ? train.classes() : null)
            : hp.validationFraction() > 0 ? List.of(validationSplit(train, hp, plan.seed())) : List.of();
        for (int f = 0; f < folds.size(); f++) {
          progress.fold = plan.searching() ? f + 1 : 0;
          Matrix foldTrain = train.rows(folds.get(f).train());
          Matrix foldTest = train.rows(folds.get(f).test());
          // Inside a CV fold, early stopping watches a slice of the fold's own training rows.
          Split inner = plan.searching() && hp.validationFraction() > 0
              ? new Split(foldTrain, validationSplit(foldTrain, hp, plan.seed())) : null;
          Matrix fitRows = inner == null ? foldTrain : inner.fitRows();
          Matrix watch = inner == null ? (plan.searching() ? null : foldTest) : inner.watchRows();
          try (FittedNet net = DjlFit.fit(fitRows, watch, hp, plan.task(), units, plan.seed(), progress)) {
            Evaluation evaluation = Evaluation.of(plan.task(), net.predict(foldTest), foldTest);
            // a diverged fold scores NaN even where its selection metric alone looks like a number
            scores.add(evaluation.finite() ? evaluation.metrics().get(metric) : Double.NaN);
            bestEpochs.add(net.bestEpoch());
          }
          Double mean = scores.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
          rows.trialScored(job, trial, EventJson.mapper().writeValueAsString(scores), mean, f == folds.size() - 1);
        }
        Double mean = scores.isEmpty() ? null : scores.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
        int epochs = hp.patience() > 0 && !bestEpochs.isEmpty()
            ? (int) Math.round(bestEpochs.stream().mapToInt(Integer::intValue).average().orElseThrow()) : hp.epochs();
        if (best == null || ranksAbove(mean, best.score())) {
          best = new Best(trial, hp, Math.max(1, epochs), mean);
        }
      } catch (RuntimeException e) {
        rows.trialFailed(job, trial);
        throw e;
      }
    }
    return best;
  }

  /**
   * Whether a candidate's score beats the best so far. A non-finite score (a diverged fit) ranks
   * below every finite one: compared with {@code >}, a NaN first candidate would never be displaced.
   * A null score (nothing to score on) never displaces.
   */
  static boolean ranksAbove(Double score, Double best) {
    if (score == null || !Double.isFinite(score)) {
      return false;
    }
    return best == null || !Double.isFinite(best) || score > best;
  }

  private record Split(Matrix all, Splits.Split split) {
    Matrix fitRows() {
      return all.rows(split.train());
    }

    Matrix watchRows() {
      return all.rows(split.test());
    }
  }

  static Splits.Split validationSplit(Matrix m, HyperParams hp, long seed) {
    return Splits.random(m.rows(), hp.validationFraction(), seed + 1);
  }

  /** Epochs one candidate costs, for the ETA. */
  static long plannedEpochs(TrainingPlan plan) {
    long perFit = plan.candidates().stream().mapToLong(HyperParams::epochs).sum();
    long fits = plan.searching() ? plan.folds() : (plan.base().validationFraction() > 0 ? 1 : 0);
    return perFit * fits;
  }
}
