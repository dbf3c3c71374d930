package io.mlops.data.version;

import io.mlops.data.schema.ValidationReport;
import io.mlops.domain.data.DataFormat;
import io.mlops.domain.data.DatasetProfile;
import io.mlops.domain.data.DatasetSchema;
import io.mlops.domain.id.DatasetId;
import java.time.Instant;

/**
 * One stored version. {@code sha256} addresses the original bytes, {@code sampleSha256} the Parquet reservoir
 * sample; {@code validation} is null when the dataset declares no schema.
 */
public record VersionRecord(DatasetId datasetId, String dataset, int version, DataFormat format, long rowCount, long byteSize,
        String sha256, DatasetSchema schema, DatasetProfile profile, ValidationReport validation, String sampleSha256,
        String originalFileName, String createdBy, Instant createdAt) {
}
