package io.mlops.events;

import io.mlops.domain.id.FeatureSetVersionRef;
import io.mlops.domain.id.TrainingJobId;

/**
 * A training job was accepted and waits for an instance to run it. model-service publishes it to
 * itself (through its outbox) so its replicas, one consumer group, hear of new work at once; the
 * job row stays the truth and an instance runs a job only after claiming the row.
 */
public record TrainingJobRequested(TrainingJobId job, String model, FeatureSetVersionRef featureSet)
        implements DomainEvent {

    @Override
    public String aggregateKey() {
        return job.toString();
    }
}
