package io.mlops.model.registry;

import java.time.Instant;

/** Where an alias points now, with the artifact a caller would load. */
public record AliasView(String model, String alias, int version, String artifactSha256, String updatedBy,
    Instant updatedAt) {
}
