package io.mlops.domain.feature;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;
import java.util.Objects;

/**
 * One feature after fitting: the definition's name and column with each transformation replaced by
 * its {@link FittedTransformation}. Obeys the same chain rules as {@link FeatureDefinition}.
 *
 * @throws FeatureDefinitionInvalid when the chain or a parameter breaks a rule (e.g. read from bad JSON)
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record FittedFeature(String name, String column, List<FittedTransformation> transformations) {

  public FittedFeature {
    if (name == null || name.isBlank() || column == null || column.isBlank()) {
      throw new FeatureDefinitionInvalid(name, column, "name and column must not be blank");
    }
    if (transformations != null && transformations.stream().anyMatch(Objects::isNull)) {
      throw new FeatureDefinitionInvalid(name, column, "a transformation is null or has an unknown type");
    }
    transformations = transformations == null ? List.of() : List.copyOf(transformations);
    ValueKind kind = StepRole.check(name, column, transformations.stream().map(StepRole::of).toList());
    for (FittedTransformation step : transformations) {
      StepChecks.check(name, column, kind, step);
    }
  }

  /**
   * The names of the columns this feature produces, in order: the feature name; or
   * {@code name=category} per category then {@code name=__other__} for one-hot; or
   * {@code name_part} per part ({@code date_month}) for date parts.
   */
  @JsonIgnore
  public List<String> outputColumns() {
    return compile().outputColumns();
  }

  CompiledFeature compile() {
    return new CompiledFeature(name, column, kind(), transformations);
  }

  ValueKind kind() {
    return StepRole.check(name, column, transformations.stream().map(StepRole::of).toList());
  }
}
