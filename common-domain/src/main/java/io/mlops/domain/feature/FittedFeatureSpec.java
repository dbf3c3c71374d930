package io.mlops.domain.feature;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The fitted transformations of a feature set: what a feature-set version stores and what a model
 * carries to inference. JSON: {@code {"formatVersion":1,"features":[{"name":..,"column":..,
 * "transformations":[{"type":"standardize","mean":..,"std":..}]}]}}. Evaluate with {@link #transformer()}.
 *
 * @throws FeatureDefinitionInvalid on an unknown format version or duplicate output column names
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record FittedFeatureSpec(int formatVersion, List<FittedFeature> features) {

  /** The JSON format this code writes and reads. */
  public static final int FORMAT_VERSION = 1;

  public FittedFeatureSpec {
    if (formatVersion != FORMAT_VERSION) {
      throw new FeatureDefinitionInvalid(null, null,
          "format version " + formatVersion + " is not " + FORMAT_VERSION);
    }
    if (features == null || features.isEmpty() || features.stream().anyMatch(Objects::isNull)) {
      throw new FeatureDefinitionInvalid(null, null, "needs at least one feature and no null ones");
    }
    features = List.copyOf(features);
    Set<String> seen = new HashSet<>();
    for (FittedFeature feature : features) {
      for (String output : feature.outputColumns()) {
        if (!seen.add(output)) {
          throw new FeatureDefinitionInvalid(feature.name(), feature.column(),
              "output column '" + output + "' is produced twice");
        }
      }
    }
  }

  public FittedFeatureSpec(List<FittedFeature> features) {
    this(FORMAT_VERSION, features);
  }

  /** All output column names, feature after feature, in the order of the feature vector. */
  @JsonIgnore
  public List<String> outputColumns() {
    return features.stream().flatMap(f -> f.outputColumns().stream()).toList();
  }

  /** A new evaluator; it is immutable and thread-safe, so build it once and share it. */
  public FeatureTransformer transformer() {
    return new FeatureTransformer(this);
  }
}
