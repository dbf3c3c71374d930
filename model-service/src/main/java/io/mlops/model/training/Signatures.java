package io.mlops.model.training;

import io.mlops.domain.feature.FittedFeature;
import io.mlops.domain.feature.FittedTransformation;
import io.mlops.model.training.data.FeatureSetInfo;
import io.mlops.runtime.artifact.Feature;
import io.mlops.runtime.artifact.FeatureType;
import io.mlops.runtime.artifact.InputSignature;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The artifact's input signature: the raw columns the fitted spec reads, the spec itself and its
 * output columns as the model inputs, so inference applies exactly the feature-service's transformations.
 */
final class Signatures {

  private Signatures() {}

  static InputSignature of(FeatureSetInfo info) {
    Map<String, FeatureType> columns = new LinkedHashMap<>();
    for (FittedFeature feature : info.fittedSpec().features()) {
      // A column feeding one-hot or date parts may hold text (categories, dates); all other chains read numbers.
      boolean text = feature.transformations().stream()
          .anyMatch(t -> t instanceof FittedTransformation.OneHot || t instanceof FittedTransformation.DateParts
              || t instanceof FittedTransformation.Impute i && i.category() != null);
      columns.merge(feature.column(), text ? FeatureType.STRING : FeatureType.NUMBER,
          (a, b) -> a == FeatureType.STRING || b == FeatureType.STRING ? FeatureType.STRING : FeatureType.NUMBER);
    }
    return new InputSignature(columns.entrySet().stream().map(e -> new Feature(e.getKey(), e.getValue())).toList(),
        info.fittedSpec(), info.fittedSpec().outputColumns());
  }
}
