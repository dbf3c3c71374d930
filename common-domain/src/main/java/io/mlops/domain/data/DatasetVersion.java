package io.mlops.domain.data;

import io.mlops.domain.id.DatasetId;
import io.mlops.domain.id.DatasetVersionRef;
import java.time.Instant;

/**
 * An immutable, content-addressed version of a dataset: the same bytes always map to the same
 * version, identified by their SHA-256.
 */
public record DatasetVersion(
        DatasetId datasetId,
        DatasetVersionRef ref,
        DataFormat format,
        long rowCount,
        long byteSize,
        String sha256,
        DatasetSchema schema,
        String createdBy,
        Instant createdAt) {
}
