package io.mlops.data.dataset;

import io.mlops.data.schema.DeclaredSchema;
import java.util.List;

/** What a caller asks for when creating a dataset; policy null means REJECT. */
public record NewDataset(String name, String description, List<String> tags, DeclaredSchema declaredSchema,
        ValidationPolicy validationPolicy) {
}
