package io.mlops.events;

import io.mlops.domain.id.ModelVersionRef;

/**
 * An alias now points at a version: inference loads and warms it, then moves traffic. A rollback is the
 * same event pointing back. {@code previousVersion} is null for the alias's first assignment.
 */
public record ModelDeployed(ModelVersionRef model, String alias, Integer previousVersion, String artifactSha256, String actor, String reason)
        implements DomainEvent {

    @Override
    public String aggregateKey() {
        return model.model();
    }
}
