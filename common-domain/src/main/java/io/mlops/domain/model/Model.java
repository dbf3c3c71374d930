package io.mlops.domain.model;

import io.mlops.domain.id.ModelId;
import java.time.Instant;
import java.util.Map;

/** A registered model: a name under which versions accumulate. */
public record Model(ModelId id, String name, String description, Map<String, String> tags, Instant createdAt) {

    public Model {
        tags = tags == null ? Map.of() : Map.copyOf(tags);
    }
}
