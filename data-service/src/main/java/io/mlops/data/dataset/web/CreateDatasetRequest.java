package io.mlops.data.dataset.web;

import io.mlops.data.dataset.NewDataset;
import io.mlops.data.dataset.ValidationPolicy;
import java.util.List;

/** Body of {@code POST /api/v1/datasets}; only {@code name} is required (checked by the catalog, with the field named). */
record CreateDatasetRequest(String name, String description, List<String> tags, DeclaredSchemaRequest declaredSchema,
        ValidationPolicy validationPolicy) {

    NewDataset toNewDataset() {
        RequestTexts.check("tags", tags, TagInvalid::new);
        return new NewDataset(name, description, tags, declaredSchema == null ? null : declaredSchema.toDeclaredSchema(),
                validationPolicy);
    }
}
