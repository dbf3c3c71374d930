package io.mlops.domain.feature;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The fitting progress of one feature: the fitted prefix of its chain and the accumulator of the
 * next step that learns from data, which sees the values transformed by that prefix.
 */
final class FeatureFitState {

  private final FeatureDefinition definition;
  private final ValueKind kind;
  private final String numericStep;
  private final List<FittedTransformation> fitted = new ArrayList<>();
  private int next;
  private Accumulator accumulator;
  private CompiledFeature prefix;
  private CompiledFeature whole;
  private Out scratch;

  FeatureFitState(FeatureDefinition definition) {
    this.definition = definition;
    this.kind = definition.kind();
    this.numericStep = definition.transformations().stream()
        .filter(t -> !(t instanceof Transformation.Impute))
        .findFirst().map(Transformation::typeName).orElse("a numeric feature");
    advance();
  }

  FeatureDefinition definition() {
    return definition;
  }

  boolean done() {
    return accumulator == null;
  }

  /** How many passes over the data this feature needs: one per step that learns from data. */
  long passesNeeded() {
    return definition.transformations().stream()
        .filter(t -> Accumulator.forStep(definition.name(), definition.column(), kind, t) != null)
        .count();
  }

  void accept(Map<String, ?> row) {
    Object raw = row.get(definition.column());
    if (raw == null && !row.containsKey(definition.column())) {
      // Fitting reads tabular data where every row has every column (null when missing).
      throw new ColumnNotFound(definition.name(), definition.column(),
          "the data has no column '" + definition.column() + "'");
    }
    if (accumulator == null) {
      // Already fitted: evaluate anyway, so bad values surface at fit time rather than later.
      whole.write(row, scratch, 0);
    } else if (accumulator instanceof ImputeFit) {
      if (!Values.isMissing(raw)) {
        if (accumulator.takesCategories()) {
          accumulator.accept(Values.categoryKey(raw, definition.name(), definition.column()));
        } else {
          accumulator.accept(Values.toDouble(raw, definition.name(), definition.column(), numericStep));
        }
      }
    } else if (accumulator.takesCategories()) {
      accumulator.accept(prefix.category(raw));
    } else {
      accumulator.accept(prefix.numeric(raw));
    }
  }

  void endPass() {
    if (accumulator != null) {
      fitted.add(accumulator.fit());
      next++;
      advance();
    }
  }

  FittedFeature result() {
    return new FittedFeature(definition.name(), definition.column(), fitted);
  }

  private void advance() {
    List<Transformation> steps = definition.transformations();
    String name = definition.name();
    String column = definition.column();
    while (next < steps.size()) {
      accumulator = Accumulator.forStep(name, column, kind, steps.get(next));
      if (accumulator != null) {
        prefix = new CompiledFeature(name, column, kind, List.copyOf(fitted), numericStep);
        return;
      }
      fitted.add(Accumulator.fitWithoutData(name, column, kind, steps.get(next)));
      next++;
    }
    accumulator = null;
    whole = new CompiledFeature(name, column, kind, List.copyOf(fitted), numericStep);
    scratch = Out.of(new double[whole.width()]);
  }
}
