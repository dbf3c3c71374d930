package io.mlops.domain.feature;

import java.util.List;

/**
 * Learns one data-dependent step from a stream of values in bounded memory: {@code accept} each
 * value (a number, or a category key for one-hot and categorical impute), then {@code fit()} once.
 */
abstract class Accumulator {

  final String feature;
  final String column;

  Accumulator(String feature, String column) {
    this.feature = feature;
    this.column = column;
  }

  /** True when this step takes category keys, false when it takes numbers. */
  abstract boolean takesCategories();

  void accept(double x) {
    throw new IllegalStateException("takes category keys");
  }

  void accept(String key) {
    throw new IllegalStateException("takes numbers");
  }

  abstract FittedTransformation fit();

  NoValuesToFit noValues(String step) {
    return new NoValuesToFit(feature, column,
        step + " has no values to learn from (no rows, or all missing)");
  }

  /** The accumulator for a step that learns from data, or null when the step learns nothing. */
  static Accumulator forStep(String feature, String column, ValueKind kind, Transformation step) {
    return switch (step) {
      case Transformation.Standardize s -> new StandardizeFit(feature, column);
      case Transformation.MinMaxScale s -> new MinMaxFit(feature, column);
      case Transformation.OneHot o -> new OneHotFit(feature, column, o.maxCategories());
      case Transformation.Impute i when i.strategy() != ImputeStrategy.CONSTANT ->
          new ImputeFit(feature, column, kind, i.strategy());
      default -> null;
    };
  }

  /** The fitted form of a step that learns nothing from data. */
  static FittedTransformation fitWithoutData(String feature, String column, ValueKind kind,
      Transformation step) {
    return switch (step) {
      case Transformation.Log1p l -> new FittedTransformation.Log1p();
      case Transformation.Clip c -> new FittedTransformation.Clip(c.min(), c.max());
      case Transformation.Bucketize b -> new FittedTransformation.Bucketize(b.boundaries());
      case Transformation.DateParts d -> new FittedTransformation.DateParts(d.parts());
      case Transformation.Impute i when kind == ValueKind.CATEGORICAL ->
          new FittedTransformation.Impute(null, Values.categoryKey(i.value(), feature, column));
      case Transformation.Impute i ->
          new FittedTransformation.Impute(((Number) i.value()).doubleValue(), null);
      default -> throw new IllegalArgumentException(step.typeName() + " learns from data");
    };
  }

  private static final class StandardizeFit extends Accumulator {
    private final Welford stats = new Welford();

    StandardizeFit(String feature, String column) {
      super(feature, column);
    }

    @Override boolean takesCategories() {
      return false;
    }

    @Override void accept(double x) {
      stats.accept(x);
    }

    @Override FittedTransformation fit() {
      if (stats.count() == 0) {
        throw noValues("standardize");
      }
      double std = stats.populationStd();
      if (!(std > 0)) {
        throw new ZeroVariance(feature, column, "standardize needs values that vary, all "
            + stats.count() + " values equal " + stats.mean());
      }
      return new FittedTransformation.Standardize(stats.mean(), std);
    }
  }

  private static final class MinMaxFit extends Accumulator {
    private double min = Double.POSITIVE_INFINITY;
    private double max = Double.NEGATIVE_INFINITY;

    MinMaxFit(String feature, String column) {
      super(feature, column);
    }

    @Override boolean takesCategories() {
      return false;
    }

    @Override void accept(double x) {
      min = Math.min(min, x);
      max = Math.max(max, x);
    }

    @Override FittedTransformation fit() {
      if (min > max) {
        throw noValues("min_max_scale");
      }
      return new FittedTransformation.MinMaxScale(min, max);
    }
  }

  private static final class OneHotFit extends Accumulator {
    private final CategoryCounts counts;
    private final Integer maxCategories;

    OneHotFit(String feature, String column, Integer maxCategories) {
      super(feature, column);
      this.counts = new CategoryCounts(feature, column);
      this.maxCategories = maxCategories;
    }

    @Override boolean takesCategories() {
      return true;
    }

    @Override void accept(String key) {
      counts.accept(key);
    }

    @Override FittedTransformation fit() {
      if (counts.isEmpty()) {
        throw noValues("one_hot");
      }
      List<String> kept = counts.byFrequency();
      if (maxCategories != null && kept.size() > maxCategories) {
        kept = kept.subList(0, maxCategories);
      }
      // Output columns in key order (as scikit-learn's OneHotEncoder), not by frequency.
      return new FittedTransformation.OneHot(kept.stream().sorted().toList());
    }
  }
}
