package io.mlops.data.version;

import io.mlops.data.storage.WorkFiles;
import io.mlops.domain.data.DataFormat;
import io.mlops.support.blob.BlobStore;
import java.nio.file.Path;
import java.util.Locale;
import org.springframework.core.io.FileSystemResource;
import org.springframework.stereotype.Service;

/**
 * Downloads: the original bytes straight from the blob store, or CSV converted by DuckDB into a work file
 * that is deleted once streamed (under an ingestion slot, like an upload); the same for the Parquet reservoir sample.
 */
@Service
public class VersionContent {

    private final DatasetVersions versions;
    private final BlobStore blobs;
    private final CsvConversion conversion;
    private final WorkFiles work;

    VersionContent(DatasetVersions versions, BlobStore blobs, CsvConversion conversion, WorkFiles work) {
        this.versions = versions;
        this.blobs = blobs;
        this.conversion = conversion;
        this.work = work;
    }

    /** The version's bytes; {@code format} null or the original's name gives them as uploaded, "csv" converts. */
    public Download content(String dataset, String version, String format) {
        VersionRecord v = versions.require(dataset, version);
        String base = dataset + "-v" + v.version();
        return serve(v.sha256(), v.format(), requested(format, v.format()), base);
    }

    /** The reservoir sample, as Parquet (default) or CSV. */
    public Download sample(String dataset, String version, String format) {
        VersionRecord v = versions.require(dataset, version);
        return serve(v.sampleSha256(), DataFormat.PARQUET, requested(format, DataFormat.PARQUET),
                dataset + "-v" + v.version() + "-sample");
    }

    private Download serve(String sha256, DataFormat stored, DataFormat wanted, String baseName) {
        Path blob = blobs.localPath(sha256)
                .orElseThrow(() -> new IllegalStateException("blob " + sha256 + " of a stored version is missing"));
        if (wanted == stored) {
            return new Download(new FileSystemResource(blob), stored, baseName + extension(stored));
        }
        Path folder = work.newFolder("download-");
        try {
            Path csv = folder.resolve("content.csv");
            conversion.convert(blob, stored, csv);
            return new Download(new DeletingFileResource(csv, folder), DataFormat.CSV, baseName + ".csv");
        } catch (RuntimeException e) {
            WorkFiles.deleteQuietly(folder);
            throw e;
        }
    }

    private static DataFormat requested(String format, DataFormat original) {
        if (format == null || format.isBlank()) {
            return original;
        }
        String f = format.strip().toLowerCase(Locale.ROOT);
        if (f.equals("csv")) {
            return DataFormat.CSV;
        }
        if (f.equals(original.name().toLowerCase(Locale.ROOT))) {
            return original;
        }
        throw new DownloadFormatNotOffered(format, original.name().toLowerCase(Locale.ROOT) + " or csv");
    }

    static String extension(DataFormat format) {
        return switch (format) {
            case CSV -> ".csv";
            case JSONL -> ".jsonl";
            case PARQUET -> ".parquet";
        };
    }
}
