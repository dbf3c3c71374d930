package io.mlops.data.dataset;

import io.mlops.data.schema.DeclaredSchema;
import io.mlops.domain.id.DatasetId;
import java.time.Instant;
import java.util.List;

/** A dataset as stored; {@code declaredSchema} is null when the owner declared none. */
public record DatasetRecord(DatasetId id, String name, String description, List<String> tags, DeclaredSchema declaredSchema,
        ValidationPolicy validationPolicy, String createdBy, Instant createdAt) {

    public DatasetRecord {
        tags = tags == null ? List.of() : List.copyOf(tags);
    }
}
