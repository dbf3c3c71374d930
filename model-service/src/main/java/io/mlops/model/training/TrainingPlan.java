package io.mlops.model.training;

import io.mlops.domain.id.FeatureSetVersionRef;
import io.mlops.domain.id.Names;
import io.mlops.domain.model.Task;
import io.mlops.model.training.fit.HyperParams;
import io.mlops.model.training.fit.Splits;
import io.mlops.runtime.architecture.Activation;
import io.mlops.runtime.architecture.ArchitectureSpec;
import io.mlops.runtime.architecture.InvalidArchitecture;
import io.mlops.runtime.architecture.LinearRegressionSpec;
import io.mlops.runtime.architecture.LogisticRegressionSpec;
import io.mlops.runtime.architecture.MlpSpec;
import java.util.List;
import java.util.Locale;
import java.util.function.UnaryOperator;

/**
 * A checked training request with its defaults filled in. Built from the stored request both when
 * the job is accepted and when it runs, so a job always runs what was validated.
 *
 * @param holdoutK every-kth split's k, or 0 for a random split
 * @param candidates hyperparameter sets to compare; exactly {@code base} without a search
 * @param folds cross-validation folds of a search; 0 without one
 */
public record TrainingPlan(String modelName, FeatureSetVersionRef featureSet, String labelColumn, Task task,
    HyperParams base, long seed, int holdoutK, double holdoutFraction, long holdoutSeed, List<HyperParams> candidates,
    int folds) {

  static final long DEFAULT_SEED = 42;

  public boolean searching() {
    return folds > 0;
  }

  /** The holdout of a table of {@code rows} rows: every k-th, or a seeded random share. */
  public Splits.Split holdout(int rows) {
    return holdoutK > 0 ? Splits.everyKth(rows, holdoutK) : Splits.random(rows, holdoutFraction, holdoutSeed);
  }

  /** The checked plan of a request, defaults filled in. @throws TrainingRequestInvalid (422) naming the field */
  public static TrainingPlan of(TrainingJobRequest r) {
    if (r.modelName() == null || !Names.isValid(r.modelName())) {
      throw new TrainingRequestInvalid("modelName", "'" + r.modelName() + "' is not a valid name");
    }
    if (r.featureSet() == null || r.featureSet().isBlank()) {
      throw new TrainingRequestInvalid("featureSet", "is required");
    }
    if (r.featureSetVersion() == null || r.featureSetVersion() < 1) {
      throw new TrainingRequestInvalid("featureSetVersion", "is required and at least 1");
    }
    if (r.labelColumn() == null || r.labelColumn().isBlank()) {
      throw new TrainingRequestInvalid("labelColumn", "is required");
    }
    Task task = task(r.task());
    long seed = r.seed() == null ? DEFAULT_SEED : r.seed();
    HyperParams base = hyperParams(task, r.algorithm(), r.optimizer());
    var split = r.split() == null ? new TrainingJobRequest.EvaluationSplit("every-kth", 5, null, null) : r.split();
    int k = 0;
    double fraction = 0;
    long splitSeed = split.seed() == null ? seed : split.seed();
    switch (split.type() == null ? "" : split.type().toLowerCase(Locale.ROOT)) {
      case "every-kth" -> {
        if (split.k() == null || split.k() < 2) {
          throw new TrainingRequestInvalid("split.k", "every-kth needs k >= 2");
        }
        k = split.k();
      }
      case "random" -> {
        if (split.fraction() == null || !(split.fraction() > 0 && split.fraction() < 1)) {
          throw new TrainingRequestInvalid("split.fraction", "random needs a fraction in (0, 1)");
        }
        fraction = split.fraction();
      }
      default -> throw new TrainingRequestInvalid("split.type", "'" + split.type() + "' is not every-kth or random");
    }
    List<HyperParams> candidates = List.of(base);
    int folds = 0;
    if (r.search() != null) {
      folds = r.search().folds() == null ? 3 : r.search().folds();
      if (folds < 2 || folds > 20) {
        throw new TrainingRequestInvalid("search.folds", "must be 2..20");
      }
      candidates = Candidates.of(r.search(), base, seed);
    }
    return new TrainingPlan(r.modelName(), new FeatureSetVersionRef(r.featureSet(), r.featureSetVersion()),
        r.labelColumn(), task, base, seed, k, fraction, splitSeed, candidates, folds);
  }

  static Task task(String value) {
    if (value == null) {
      throw new TrainingRequestInvalid("task", "is required: regression, binary or multiclass");
    }
    try {
      return Task.valueOf(value.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new TrainingRequestInvalid("task", "'" + value + "' is not regression, binary or multiclass");
    }
  }

  private static HyperParams hyperParams(Task task, TrainingJobRequest.Algorithm a, TrainingJobRequest.OptimizerSettings o) {
    ArchitectureSpec architecture = architecture(a);
    if (task == Task.REGRESSION ? !architecture.forRegression() : !architecture.forClassification()) {
      throw new TrainingRequestInvalid("algorithm.type", a.type() + " does not fit task " + task.name().toLowerCase());
    }
    o = o == null ? new TrainingJobRequest.OptimizerSettings(null, null, null, null, null, null, null) : o;
    String optimizer = optimizer("optimizer.type", o.type() == null ? "adam" : o.type());
    double lr = o.learningRate() == null ? 0.01 : o.learningRate();
    double wd = o.weightDecay() == null ? 0.0 : o.weightDecay();
    int batch = o.batchSize() == null ? 32 : o.batchSize();
    int epochs = o.epochs() == null ? 20 : o.epochs();
    int patience = o.earlyStoppingPatience() == null ? 0 : o.earlyStoppingPatience();
    double validation = o.validationFraction() == null ? (patience > 0 ? 0.1 : 0.0) : o.validationFraction();
    return checked(new HyperParams(architecture, optimizer, lr, wd, batch, epochs, patience, validation),
        name -> "optimizer." + name);
  }

  /**
   * The optimizer's limits, for the request's own settings and for every search value alike.
   *
   * @param field the request field of a hyperparameter named as in {@link HyperParams#asMap()}
   * @throws TrainingRequestInvalid naming the field of the first value out of bounds
   */
  static HyperParams checked(HyperParams hp, UnaryOperator<String> field) {
    require(hp.learningRate() > 0 && hp.learningRate() <= 10, field.apply("learningRate"),
        "must be in (0, 10], was " + hp.learningRate());
    require(hp.weightDecay() >= 0, field.apply("weightDecay"), "must be >= 0, was " + hp.weightDecay());
    require(hp.batchSize() >= 1 && hp.batchSize() <= 65_536, field.apply("batchSize"),
        "must be 1..65536, was " + hp.batchSize());
    require(hp.epochs() >= 1 && hp.epochs() <= 10_000, field.apply("epochs"), "must be 1..10000, was " + hp.epochs());
    require(hp.patience() >= 0, field.apply("earlyStoppingPatience"), "must be >= 0");
    require(hp.validationFraction() >= 0 && hp.validationFraction() < 0.9, field.apply("validationFraction"),
        "must be in [0, 0.9)");
    require(hp.patience() == 0 || hp.validationFraction() > 0, field.apply("validationFraction"),
        "early stopping needs a validation split");
    return hp;
  }

  private static ArchitectureSpec architecture(TrainingJobRequest.Algorithm a) {
    if (a == null || a.type() == null) {
      throw new TrainingRequestInvalid("algorithm.type", "is required: linear-regression, logistic-regression or mlp");
    }
    try {
      return switch (a.type().toLowerCase(Locale.ROOT)) {
        case "linear-regression" -> new LinearRegressionSpec();
        case "logistic-regression" -> new LogisticRegressionSpec();
        case "mlp" -> new MlpSpec(a.hiddenSizes(), a.activation() == null ? null
            : activation("algorithm.activation", a.activation()), a.dropout() == null ? 0.0 : a.dropout());
        default -> throw new TrainingRequestInvalid("algorithm.type", "'" + a.type() + "' is not linear-regression, "
            + "logistic-regression or mlp");
      };
    } catch (InvalidArchitecture e) {
      throw new TrainingRequestInvalid(e.getMessage().contains("dropout") ? "algorithm.dropout" : "algorithm.hiddenSizes",
          e.getMessage());
    }
  }

  static Activation activation(String field, String value) {
    try {
      return Activation.valueOf(value.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new TrainingRequestInvalid(field, "'" + value + "' is not relu, tanh, sigmoid or gelu");
    }
  }

  static String optimizer(String field, String value) {
    String v = value.toLowerCase(Locale.ROOT);
    if (!v.equals("adam") && !v.equals("sgd")) {
      throw new TrainingRequestInvalid(field, "'" + value + "' is not adam or sgd");
    }
    return v;
  }

  private static void require(boolean ok, String field, String message) {
    if (!ok) {
      throw new TrainingRequestInvalid(field, message);
    }
  }
}
