package io.mlops.events;

import io.mlops.domain.id.ModelId;
import io.mlops.domain.id.ModelVersionRef;
import io.mlops.domain.model.Lineage;
import io.mlops.domain.model.Metrics;
import io.mlops.domain.model.Task;

/** A model version was registered (trained here or imported), with its artifact's SHA-256. */
public record ModelTrained(ModelId modelId, ModelVersionRef model, Task task, Metrics metrics, Lineage lineage, String artifactSha256)
        implements DomainEvent {

    @Override
    public String aggregateKey() {
        return model.model();
    }
}
