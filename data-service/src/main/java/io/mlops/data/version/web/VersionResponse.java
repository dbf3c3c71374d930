package io.mlops.data.version.web;

import io.mlops.data.schema.ValidationReport;
import io.mlops.data.version.VersionRecord;
import io.mlops.domain.data.DataFormat;
import io.mlops.domain.data.DatasetProfile;
import io.mlops.domain.data.DatasetSchema;
import java.time.Instant;

/**
 * A version's metadata. Other services code against these field names ({@code version}, {@code rowCount},
 * {@code byteSize}, {@code sha256}, {@code format}, {@code schema.columns[].name/type/nullable}, {@code profile},
 * {@code validation}, {@code createdBy}, {@code createdAt}): rename none.
 */
record VersionResponse(String dataset, String datasetId, int version, DataFormat format, long rowCount, long byteSize,
        String sha256, DatasetSchema schema, DatasetProfile profile, ValidationReport validation, Boolean validationPassed,
        String sampleSha256, String originalFileName, String createdBy, Instant createdAt) {

    static VersionResponse of(VersionRecord v) {
        return new VersionResponse(v.dataset(), v.datasetId().toString(), v.version(), v.format(), v.rowCount(), v.byteSize(),
                v.sha256(), v.schema(), v.profile(), v.validation(), v.validation() == null ? null : v.validation().passed(),
                v.sampleSha256(), v.originalFileName(), v.createdBy(), v.createdAt());
    }
}
