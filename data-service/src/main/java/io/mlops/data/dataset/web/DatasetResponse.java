package io.mlops.data.dataset.web;

import io.mlops.data.dataset.DatasetRecord;
import io.mlops.data.dataset.ValidationPolicy;
import io.mlops.data.schema.DeclaredSchema;
import java.time.Instant;
import java.util.List;

/** A dataset as the API shows it. */
record DatasetResponse(String id, String name, String description, List<String> tags, DeclaredSchema declaredSchema,
        ValidationPolicy validationPolicy, String createdBy, Instant createdAt) {

    static DatasetResponse of(DatasetRecord d) {
        return new DatasetResponse(d.id().toString(), d.name(), d.description(), d.tags(), d.declaredSchema(),
                d.validationPolicy(), d.createdBy(), d.createdAt());
    }
}
