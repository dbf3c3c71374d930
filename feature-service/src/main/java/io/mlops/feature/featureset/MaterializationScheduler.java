package io.mlops.feature.featureset;

import io.mlops.domain.id.FeatureSetVersionRef;
import java.util.UUID;

/** Queues a materialization of a version; the job runs after the calling transaction commits. */
public interface MaterializationScheduler {

    UUID schedule(FeatureSetVersionRef version);
}
