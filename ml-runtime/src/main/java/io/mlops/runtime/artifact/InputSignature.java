package io.mlops.runtime.artifact;

import java.util.HashSet;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * What the model takes.
 *
 * @param features the raw features a request carries, in order
 * @param transformations the fitted transformation spec turning raw features into model inputs;
 *     opaque here until common-domain has its typed form; may be null (no transformation)
 * @param modelInputs the columns of the float matrix the network sees, in order; when absent in
 *     JSON it defaults to the feature names (the features go into the network as they are)
 */
public record InputSignature(List<Feature> features, JsonNode transformations, List<String> modelInputs) {

  public InputSignature {
    if (features == null || features.isEmpty()) {
      throw new ManifestInvalid("input signature has no features");
    }
    features = List.copyOf(features);
    if (transformations != null && (transformations.isNull() || transformations.isMissingNode())) {
      transformations = null;
    }
    if (modelInputs == null || modelInputs.isEmpty()) {
      modelInputs = features.stream().map(Feature::name).toList();
    }
    modelInputs = List.copyOf(modelInputs);
    requireUnique("feature", features.stream().map(Feature::name).toList());
    requireUnique("model input", modelInputs);
  }

  /** Features that enter the network unchanged, each a number. */
  public static InputSignature ofNumbers(List<String> names) {
    return new InputSignature(names.stream().map(n -> new Feature(n, FeatureType.NUMBER)).toList(), null, null);
  }

  /** Number of columns of the float matrix given to a predictor. */
  public int width() {
    return modelInputs.size();
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
