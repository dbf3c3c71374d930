package io.mlops.domain.feature;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;
import java.util.Objects;

/**
 * One feature as a user defines it: its output name, the source column it reads and the ordered
 * chain of transformations applied to that column. An empty chain passes a numeric column through.
 *
 * <p>Chain rules: impute, if any, comes first; one_hot or date_parts, if any, comes last;
 * date_parts stands alone. The chain decides what the column must hold: dates for date_parts,
 * categories (text, booleans or numbers) for a chain that is only [impute,] one_hot, numbers
 * otherwise (numeric steps may precede one_hot, e.g. bucketize then one_hot).
 *
 * @throws FeatureDefinitionInvalid when the name, column or chain breaks a rule
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record FeatureDefinition(String name, String column, List<Transformation> transformations) {

  public FeatureDefinition {
    if (name == null || name.isBlank() || column == null || column.isBlank()) {
      throw new FeatureDefinitionInvalid(name, column, "name and column must not be blank");
    }
    if (transformations != null && transformations.stream().anyMatch(Objects::isNull)) {
      throw new FeatureDefinitionInvalid(name, column, "a transformation is null or has an unknown type");
    }
    transformations = transformations == null ? List.of() : List.copyOf(transformations);
    ValueKind kind = StepRole.check(
        name, column, transformations.stream().map(StepRole::of).toList());
    for (Transformation step : transformations) {
      StepChecks.check(name, column, kind, step);
    }
  }

  /** Convenience for code and tests: {@code FeatureDefinition.of("x", "col", new Standardize())}. */
  public static FeatureDefinition of(String name, String column, Transformation... transformations) {
    return new FeatureDefinition(name, column, List.of(transformations));
  }

  ValueKind kind() {
    return StepRole.check(name, column, transformations.stream().map(StepRole::of).toList());
  }
}
