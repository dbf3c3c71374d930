package io.mlops.data.ingest;

import io.mlops.data.schema.ValidationReport;
import io.mlops.domain.data.DataFormat;
import io.mlops.domain.data.DatasetProfile;
import io.mlops.domain.data.DatasetSchema;
import java.nio.file.Path;

/**
 * What ingesting one file produced.
 *
 * @param validation null when no schema was declared
 * @param sample     the Parquet reservoir sample written ({@code profile.sampleRows()} rows)
 */
public record IngestResult(DataFormat format, long rowCount, DatasetSchema schema, DatasetProfile profile,
        ValidationReport validation, Path sample) {
}
