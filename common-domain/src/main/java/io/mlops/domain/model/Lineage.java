package io.mlops.domain.model;

import io.mlops.domain.id.DatasetVersionRef;
import io.mlops.domain.id.FeatureSetVersionRef;
import io.mlops.domain.id.TrainingJobId;

/**
 * Where a model version came from: dataset version (and the SHA-256 of its bytes), feature-set
 * version, training job, and the dataset column it learned to predict (what the monitoring-service
 * compares its predictions with). Imported models have only what the importer declared, so any part may be null.
 */
public record Lineage(DatasetVersionRef dataset, String datasetSha256, FeatureSetVersionRef featureSet, TrainingJobId trainingJob,
                      String labelColumn) {

    public static Lineage none() {
        return new Lineage(null, null, null, null, null);
    }
}
