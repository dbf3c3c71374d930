package io.mlops.model.registry;

import io.mlops.domain.id.ModelId;
import java.time.Instant;
import java.util.Map;

/** One row of {@code models}. */
record ModelRow(ModelId id, String name, String description, Map<String, String> tags, Instant createdAt,
    Instant updatedAt) {
}
