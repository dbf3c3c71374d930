package io.mlops.events;

import io.mlops.domain.id.DatasetVersionRef;
import io.mlops.domain.id.FeatureSetId;
import io.mlops.domain.id.FeatureSetVersionRef;
import java.util.List;

/** A feature-set version was materialized to the offline (and, when enabled, online) store. */
public record FeaturesCreated(FeatureSetId featureSetId, FeatureSetVersionRef featureSet, DatasetVersionRef source, List<String> features, long rows, boolean online)
        implements DomainEvent {

    public FeaturesCreated {
        features = List.copyOf(features);
    }

    @Override
    public String aggregateKey() {
        return featureSet.featureSet();
    }
}
