package io.mlops.feature.featureset;

import io.mlops.domain.data.DatasetSchema;
import io.mlops.domain.feature.FittedFeatureSpec;
import io.mlops.domain.id.DatasetVersionRef;
import io.mlops.domain.id.FeatureSetVersionRef;
import java.time.Instant;
import java.util.List;

/**
 * Immutable: a feature set's definition fitted on one dataset version. Its rows live in the
 * Postgres table {@code offlineTable}; its latest values per entity in Redis.
 */
public record FeatureSetVersion(String featureSet, int version, String dataset, int datasetVersion,
                                String datasetSha256, DatasetSchema datasetSchema, FittedFeatureSpec fittedSpec,
                                String offlineTable, Instant createdAt) {

    public FeatureSetVersionRef ref() {
        return new FeatureSetVersionRef(featureSet, version);
    }

    public DatasetVersionRef source() {
        return new DatasetVersionRef(dataset, datasetVersion);
    }

    public List<String> outputColumns() {
        return fittedSpec.outputColumns();
    }
}
