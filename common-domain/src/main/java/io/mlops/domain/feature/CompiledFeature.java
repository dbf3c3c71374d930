package io.mlops.domain.feature;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.DoubleUnaryOperator;

/**
 * A chain of fitted steps turned into plain fields and operators, evaluated on one raw value.
 * Built from a whole fitted chain for evaluation, or from a fitted prefix while fitting the next step.
 */
final class CompiledFeature {

  static final String OTHER = "__other__";

  private final String name;
  private final String column;
  private final ValueKind kind;
  private final FittedTransformation.Impute impute;
  private final DoubleUnaryOperator[] ops;
  private final String firstStep;
  private final Map<String, Integer> categoryIndex;
  private final DatePart[] parts;
  private final List<String> outputColumns = new ArrayList<>();

  CompiledFeature(String name, String column, ValueKind kind, List<FittedTransformation> steps) {
    this(name, column, kind, steps, steps.stream()
        .filter(s -> !(s instanceof FittedTransformation.Impute))
        .findFirst().map(FittedTransformation::typeName).orElse("a numeric feature"));
  }

  /** {@code firstStep} names, in messages, the step that needs numbers (while fitting, the one being fitted). */
  CompiledFeature(String name, String column, ValueKind kind, List<FittedTransformation> steps,
      String firstStep) {
    this.name = name;
    this.column = column;
    this.kind = kind;
    FittedTransformation.Impute fill = null;
    List<DoubleUnaryOperator> numeric = new ArrayList<>();
    Map<String, Integer> categories = null;
    DatePart[] dateParts = null;
    for (FittedTransformation step : steps) {
      switch (step) {
        case FittedTransformation.Impute i -> fill = i;
        case FittedTransformation.OneHot o -> {
          categories = new HashMap<>();
          for (String category : o.categories()) {
            categories.put(category, categories.size());
            outputColumns.add(name + "=" + category);
          }
          outputColumns.add(name + "=" + OTHER);
        }
        case FittedTransformation.DateParts d -> {
          dateParts = d.parts().toArray(DatePart[]::new);
          d.parts().forEach(part -> outputColumns.add(name + "_" + part.suffix()));
        }
        default -> numeric.add(NumericOps.of(step, name, column));
      }
    }
    if (outputColumns.isEmpty()) {
      outputColumns.add(name);
    }
    this.impute = fill;
    this.ops = numeric.toArray(DoubleUnaryOperator[]::new);
    this.firstStep = firstStep;
    this.categoryIndex = categories;
    this.parts = dateParts;
  }

  List<String> outputColumns() {
    return List.copyOf(outputColumns);
  }

  int width() {
    return outputColumns.size();
  }

  /** Writes this feature's {@link #width()} values at {@code offset}. */
  void write(Map<String, ?> row, Out out, int offset) {
    Object raw = row.get(column);
    if (parts != null) {
      writeDateParts(raw, out, offset);
    } else if (categoryIndex != null) {
      Integer index = categoryIndex.get(category(raw));
      int hot = index == null ? categoryIndex.size() : index;
      for (int i = 0; i <= categoryIndex.size(); i++) {
        out.set(offset + i, i == hot ? 1.0 : 0.0);
      }
    } else {
      out.set(offset, numeric(raw));
    }
  }

  /** The value after impute and the numeric steps. */
  double numeric(Object raw) {
    double x;
    if (Values.isMissing(raw)) {
      x = fill().number();
    } else {
      x = Values.toDouble(raw, name, column, firstStep);
    }
    for (DoubleUnaryOperator op : ops) {
      x = op.applyAsDouble(x);
    }
    return x;
  }

  /** The category key that one-hot looks up. */
  String category(Object raw) {
    if (kind == ValueKind.NUMERIC) {
      return Values.numberKey(numeric(raw));
    }
    return Values.isMissing(raw) ? fill().category() : Values.categoryKey(raw, name, column);
  }

  private FittedTransformation.Impute fill() {
    if (impute == null) {
      throw new RequiredValueMissing(name, column,
          "the value is missing and the feature has no impute transformation");
    }
    return impute;
  }

  private void writeDateParts(Object raw, Out out, int offset) {
    if (Values.isMissing(raw)) {
      fill();
    }
    LocalDateTime t = Values.toDateTime(raw, name, column);
    for (int i = 0; i < parts.length; i++) {
      out.set(offset + i, switch (parts[i]) {
        case YEAR -> t.getYear();
        case MONTH -> t.getMonthValue();
        case DAY -> t.getDayOfMonth();
        case DAY_OF_WEEK -> t.getDayOfWeek().getValue();
        case HOUR -> t.getHour();
      });
    }
  }
}
