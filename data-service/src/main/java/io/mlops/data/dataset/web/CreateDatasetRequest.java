package io.mlops.data.dataset.web;

import io.mlops.data.dataset.NewDataset;
import io.mlops.data.dataset.ValidationPolicy;
import io.mlops.data.schema.DeclaredSchema;
import java.util.List;

/** Body of {@code POST /api/v1/datasets}; only {@code name} is required (checked by the catalog, with the field named). */
record CreateDatasetRequest(String name, String description, List<String> tags, DeclaredSchema declaredSchema,
        ValidationPolicy validationPolicy) {

    NewDataset toNewDataset() {
        return new NewDataset(name, description, tags, declaredSchema, validationPolicy);
    }
}
