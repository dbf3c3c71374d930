package io.mlops.model.registry.importing;

import io.mlops.domain.model.Task;
import io.mlops.runtime.artifact.Feature;
import io.mlops.runtime.artifact.FeatureType;
import io.mlops.runtime.artifact.InputSignature;
import io.mlops.runtime.artifact.ModelManifest;
import io.mlops.runtime.artifact.OutputSpec;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The {@code signature} part of an import: what the module takes and emits, and one example row.
 *
 * @param features the module's inputs, in the order of its input columns; used raw (no transformations)
 * @param task {@code regression}, {@code binary} or {@code multiclass}
 * @param exampleInput feature name to value, run through the module once before acceptance
 */
record ImportSignature(List<Feature> features, String task, List<String> classLabels, String outputName,
    Map<String, Object> exampleInput, Map<String, Double> metrics, Map<String, String> tags, String description) {

  ModelManifest manifest() {
    if (features == null || features.isEmpty()) {
      throw ModelImportRefused.signature("no features");
    }
    return ModelManifest.torchScript(new InputSignature(features, null, null),
        new OutputSpec(task(task), classLabels, outputName), metrics, null);
  }

  /** The example row in feature order; every feature must be given as a number (booleans as 0/1). */
  float[] exampleRow() {
    if (exampleInput == null || exampleInput.isEmpty()) {
      throw ModelImportRefused.signature("exampleInput is required: one row, feature name to value");
    }
    Set<String> unknown = new HashSet<>(exampleInput.keySet());
    float[] row = new float[features.size()];
    for (int i = 0; i < row.length; i++) {
      Feature feature = features.get(i);
      unknown.remove(feature.name());
      if (feature.type() == FeatureType.STRING) {
        throw ModelImportRefused.signature("feature '" + feature.name() + "' is a string; an imported module takes "
            + "its inputs raw, as numbers");
      }
      Object value = exampleInput.get(feature.name());
      row[i] = switch (value) {
        case Number n -> n.floatValue();
        case Boolean b when feature.type() == FeatureType.BOOLEAN -> b ? 1f : 0f;
        case null -> throw ModelImportRefused.signature("exampleInput has no value for feature '" + feature.name() + "'");
        default -> throw ModelImportRefused.signature("exampleInput value of '" + feature.name() + "' is not a "
            + feature.type().name().toLowerCase(Locale.ROOT));
      };
    }
    if (!unknown.isEmpty()) {
      throw ModelImportRefused.signature("exampleInput has " + unknown.stream().sorted().toList()
          + ", which are not features");
    }
    return row;
  }

  private static Task task(String task) {
    for (Task t : Task.values()) {
      if (t.name().equalsIgnoreCase(task)) {
        return t;
      }
    }
    throw ModelImportRefused.signature("task '" + task + "' is not regression, binary or multiclass");
  }
}
