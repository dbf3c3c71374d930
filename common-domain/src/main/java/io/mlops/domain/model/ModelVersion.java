package io.mlops.domain.model;

import io.mlops.domain.id.ModelId;
import io.mlops.domain.id.ModelVersionRef;
import java.time.Instant;
import java.util.Map;

/** An immutable registered version: its artifact (by SHA-256), task, metrics, hyperparameters and lineage. */
public record ModelVersion(
        ModelId modelId,
        ModelVersionRef ref,
        Task task,
        String artifactSha256,
        long artifactBytes,
        Metrics metrics,
        Hyperparameters hyperparameters,
        Lineage lineage,
        Map<String, String> tags,
        String description,
        Instant createdAt) {

    public ModelVersion {
        tags = tags == null ? Map.of() : Map.copyOf(tags);
    }
}
