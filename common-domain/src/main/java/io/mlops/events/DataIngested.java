package io.mlops.events;

import io.mlops.domain.data.DataFormat;
import io.mlops.domain.data.DatasetSchema;
import io.mlops.domain.id.DatasetId;
import io.mlops.domain.id.DatasetVersionRef;

/** A new, immutable dataset version was stored (never sent for an idempotent re-upload). */
public record DataIngested(DatasetId datasetId, DatasetVersionRef version, DataFormat format, DatasetSchema schema, long rowCount, long byteSize, String sha256)
        implements DomainEvent {

    @Override
    public String aggregateKey() {
        return version.dataset();
    }
}
