package io.mlops.model.training.data;

import io.mlops.domain.feature.FittedFeatureSpec;
import io.mlops.domain.id.DatasetVersionRef;
import io.mlops.domain.id.FeatureSetVersionRef;
import java.util.List;

/**
 * What the feature-service says about a feature-set version: its source dataset version (with the
 * SHA-256 of its bytes), the fitted spec, the feature columns it produces and the set's label columns.
 */
public record FeatureSetInfo(FeatureSetVersionRef ref, DatasetVersionRef dataset, String datasetSha256,
    FittedFeatureSpec fittedSpec, List<String> features, List<String> labelColumns) {
}
