package io.mlops.model.registry;

import io.mlops.runtime.artifact.Feature;
import io.mlops.runtime.artifact.ModelManifest;
import java.util.List;

/**
 * What a version takes and emits, from its model.json (the full spec stays in the artifact's manifest).
 *
 * @param transformed whether a fitted transformation spec turns the features into the model inputs
 */
public record SignatureSummary(List<Feature> features, List<String> modelInputs, boolean transformed,
    List<String> classLabels, String outputName) {

  static SignatureSummary of(ModelManifest manifest) {
    return new SignatureSummary(manifest.input().features(), manifest.input().modelInputs(),
        manifest.input().transformations() != null, manifest.output().classLabels(), manifest.output().name());
  }
}
