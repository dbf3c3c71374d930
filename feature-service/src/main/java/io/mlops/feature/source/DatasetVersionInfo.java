package io.mlops.feature.source;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.mlops.domain.data.DatasetSchema;

/** What the data-service says about one dataset version; {@code dataset} is filled in by the client. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record DatasetVersionInfo(String dataset, int version, long rowCount, String sha256, DatasetSchema schema) {

    DatasetVersionInfo withDataset(String name) {
        return new DatasetVersionInfo(name, version, rowCount, sha256, schema);
    }
}
