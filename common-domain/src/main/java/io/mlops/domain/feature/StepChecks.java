package io.mlops.domain.feature;

import java.util.HashSet;
import java.util.List;

/** Parameter checks of single steps, spec and fitted, so that an invalid step cannot be built into a feature. */
final class StepChecks {

  private StepChecks() {}

  static void check(String feature, String column, ValueKind kind, Transformation step) {
    Problems p = new Problems(feature, column, step.typeName());
    switch (step) {
      case Transformation.Clip c -> p.clip(c.min(), c.max());
      case Transformation.Bucketize b -> p.boundaries(b.boundaries());
      case Transformation.DateParts d -> p.parts(d.parts());
      case Transformation.OneHot o -> p.require(
          o.maxCategories() == null || o.maxCategories() >= 1, "maxCategories must be at least 1");
      case Transformation.Impute i -> p.impute(kind, i);
      case Transformation.Standardize s -> { }
      case Transformation.MinMaxScale s -> { }
      case Transformation.Log1p s -> { }
    }
  }

  static void check(String feature, String column, ValueKind kind, FittedTransformation step) {
    Problems p = new Problems(feature, column, step.typeName());
    switch (step) {
      case FittedTransformation.Standardize s -> p.require(
          Double.isFinite(s.mean()) && Double.isFinite(s.std()) && s.std() > 0,
          "mean must be finite and std finite and positive");
      case FittedTransformation.MinMaxScale m -> p.require(
          Double.isFinite(m.min()) && Double.isFinite(m.max()) && m.min() <= m.max(),
          "min and max must be finite with min <= max");
      case FittedTransformation.Clip c -> p.clip(c.min(), c.max());
      case FittedTransformation.Bucketize b -> p.boundaries(b.boundaries());
      case FittedTransformation.DateParts d -> p.parts(d.parts());
      case FittedTransformation.OneHot o -> p.require(
          o.categories() != null && !o.categories().contains(null)
              && new HashSet<>(o.categories()).size() == o.categories().size(),
          "categories must be present, non-null and distinct");
      case FittedTransformation.Impute i -> p.require(kind == ValueKind.CATEGORICAL
              ? i.category() != null && i.number() == null
              : i.number() != null && Double.isFinite(i.number()) && i.category() == null,
          "a " + kind.name().toLowerCase() + " chain needs exactly "
              + (kind == ValueKind.CATEGORICAL ? "'category'" : "a finite 'number'"));
      case FittedTransformation.Log1p l -> { }
    }
  }

  /** Collects the context of one step so each rule is one line. */
  private record Problems(String feature, String column, String type) {

    void require(boolean ok, String rule) {
      if (!ok) {
        throw new FeatureDefinitionInvalid(feature, column, type + ": " + rule);
      }
    }

    void clip(Double min, Double max) {
      require(min != null || max != null, "needs min, max or both");
      require(min == null || Double.isFinite(min), "min must be finite");
      require(max == null || Double.isFinite(max), "max must be finite");
      require(min == null || max == null || min <= max, "min must not exceed max");
    }

    void boundaries(List<Double> boundaries) {
      require(boundaries != null && !boundaries.isEmpty(), "needs at least one boundary");
      for (int i = 0; i < boundaries.size(); i++) {
        Double b = boundaries.get(i);
        require(b != null && Double.isFinite(b), "boundaries must be finite numbers");
        require(i == 0 || boundaries.get(i - 1) < b, "boundaries must be strictly ascending");
      }
    }

    void parts(List<DatePart> parts) {
      require(parts != null && !parts.isEmpty(), "needs at least one part");
      require(!parts.contains(null) && new HashSet<>(parts).size() == parts.size(),
          "parts must be known and distinct");
    }

    void impute(ValueKind kind, Transformation.Impute impute) {
      ImputeStrategy strategy = impute.strategy();
      require(strategy != null, "needs a strategy: mean, median, most_frequent or constant");
      require(kind != ValueKind.TEMPORAL, "dates cannot be imputed");
      require(kind == ValueKind.NUMERIC
              || (strategy != ImputeStrategy.MEAN && strategy != ImputeStrategy.MEDIAN),
          strategy.name().toLowerCase() + " needs a numeric chain, this one is categorical");
      if (strategy == ImputeStrategy.CONSTANT) {
        Object value = impute.value();
        require(kind == ValueKind.NUMERIC
                ? value instanceof Number n && Double.isFinite(n.doubleValue())
                : value instanceof Number || value instanceof String || value instanceof Boolean,
            kind == ValueKind.NUMERIC ? "constant needs a finite numeric 'value'"
                : "constant needs a 'value' (string, number or boolean)");
      }
    }
  }
}
