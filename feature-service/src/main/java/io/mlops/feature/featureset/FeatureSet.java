package io.mlops.feature.featureset;

import io.mlops.domain.feature.FeatureDefinition;
import io.mlops.domain.id.FeatureSetId;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * A feature set as defined: its source dataset (a fixed version, or null to follow the latest),
 * entity key column(s), optional event-time column and TTL, label columns kept apart from the
 * features, and the feature definitions.
 */
public record FeatureSet(String name, FeatureSetId id, String dataset, Integer datasetVersion,
                         List<String> entityColumns, String eventTimeColumn, Duration ttl,
                         List<String> labelColumns, List<FeatureDefinition> features, Instant createdAt) {

    public FeatureSet {
        entityColumns = List.copyOf(entityColumns);
        labelColumns = labelColumns == null ? List.of() : List.copyOf(labelColumns);
        features = List.copyOf(features);
    }

    public boolean followsLatest() {
        return datasetVersion == null;
    }

    public boolean hasEventTime() {
        return eventTimeColumn != null;
    }
}
