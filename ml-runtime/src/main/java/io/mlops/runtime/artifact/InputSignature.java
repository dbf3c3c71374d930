package io.mlops.runtime.artifact;

import io.mlops.domain.feature.FittedFeature;
import io.mlops.domain.feature.FittedFeatureSpec;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What the model takes.
 *
 * @param features the raw features a request carries, in order
 * @param transformations the fitted transformation spec turning raw features into model inputs;
 *     null when the features enter the network as they are (e.g. an imported TorchScript model)
 * @param modelInputs the columns of the float matrix the network sees, in order; when absent in
 *     JSON it defaults to the spec's output columns, or to the feature names without a spec
 */
public record InputSignature(List<Feature> features, FittedFeatureSpec transformations, List<String> modelInputs) {

  public InputSignature {
    if (features == null || features.isEmpty()) {
      throw new ManifestInvalid("input signature has no features");
    }
    features = List.copyOf(features);
    requireUnique("feature", features.stream().map(Feature::name).toList());
    if (modelInputs == null || modelInputs.isEmpty()) {
      modelInputs = transformations != null ? transformations.outputColumns()
          : features.stream().map(Feature::name).toList();
    }
    modelInputs = List.copyOf(modelInputs);
    requireUnique("model input", modelInputs);
    if (transformations != null) {
      requireConsistent(features, transformations, modelInputs);
    }
  }

  /** Features that enter the network unchanged, each a number. */
  public static InputSignature ofNumbers(List<String> names) {
    return new InputSignature(names.stream().map(n -> new Feature(n, FeatureType.NUMBER)).toList(), null, null);
  }

  /** Number of columns of the float matrix given to a predictor. */
  public int width() {
    return modelInputs.size();
  }

  /** The spec must read only declared features and produce exactly the model inputs, in order. */
  private static void requireConsistent(List<Feature> features, FittedFeatureSpec spec, List<String> modelInputs) {
    Set<String> declared = new HashSet<>(features.stream().map(Feature::name).toList());
    for (FittedFeature feature : spec.features()) {
      if (!declared.contains(feature.column())) {
        throw new ManifestInvalid("transformation of '" + feature.name() + "' reads column '" + feature.column()
            + "', which is not an input feature");
      }
    }
    if (!spec.outputColumns().equals(modelInputs)) {
      throw new ManifestInvalid("model inputs " + modelInputs + " are not the transformations' output columns "
          + spec.outputColumns());
    }
  }

  private static void requireUnique(String what, List<String> names) {
    var seen = new HashSet<String>();
    for (String name : names) {
      if (!seen.add(name)) {
        throw new ManifestInvalid("duplicate " + what + " name '" + name + "'");
      }
    }
  }
}
