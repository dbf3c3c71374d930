package io.mlops.domain.feature;

/** Learns the fill value of mean, median or most-frequent imputation from the non-missing values. */
final class ImputeFit extends Accumulator {

  private final ValueKind kind;
  private final ImputeStrategy strategy;
  private final Welford mean = new Welford();
  private final DoubleArray values = new DoubleArray();
  private final CategoryCounts categories;

  ImputeFit(String feature, String column, ValueKind kind, ImputeStrategy strategy) {
    super(feature, column);
    this.kind = kind;
    this.strategy = strategy;
    this.categories = new CategoryCounts(feature, column);
  }

  @Override
  boolean takesCategories() {
    return kind == ValueKind.CATEGORICAL;
  }

  @Override
  void accept(double x) {
    if (strategy == ImputeStrategy.MEAN) {
      mean.accept(x);
    } else {
      values.add(x);
    }
  }

  @Override
  void accept(String key) {
    categories.accept(key);
  }

  @Override
  FittedTransformation fit() {
    if (kind == ValueKind.CATEGORICAL) {
      if (categories.isEmpty()) {
        throw noValues("impute");
      }
      return new FittedTransformation.Impute(null, categories.byFrequency().getFirst());
    }
    if (strategy == ImputeStrategy.MEAN ? mean.count() == 0 : values.size() == 0) {
      throw noValues("impute");
    }
    double fill = switch (strategy) {
      case MEAN -> mean.mean();
      case MEDIAN -> values.median();
      default -> values.mode();
    };
    return new FittedTransformation.Impute(fill, null);
  }
}
