package io.mlops.domain.data;

import io.mlops.domain.id.DatasetId;
import java.time.Instant;
import java.util.Set;

/** A named dataset; its content lives in immutable versions. */
public record Dataset(DatasetId id, String name, String description, Set<String> tags, Instant createdAt) {

    public Dataset {
        tags = tags == null ? Set.of() : Set.copyOf(tags);
    }
}
