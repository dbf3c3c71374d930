package io.mlops.data.settings;

import io.mlops.data.ingest.IngestSettings;
import io.mlops.data.schema.CategoricalRule;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * The data-service's settings ({@code mlops.data.*}).
 *
 * @param maxUploadSize largest dataset file accepted, by upload or import (413 above it)
 * @param importRoots   folders server-side imports may read from; empty refuses every import
 * @param workDirectory where samples and CSV conversions are written while they are needed; null for java.io.tmpdir
 * @param maxConcurrentIngestions how many files are read, profiled or converted to CSV at once (each may use ingest.memoryLimit natively)
 * @param ingestionWait how long an upload or CSV download waits for a free ingestion slot before 503 with Retry-After
 * @param ingest        engine limits and profile sizes
 */
@ConfigurationProperties("mlops.data")
public record DataProperties(
        @DefaultValue("1GB") DataSize maxUploadSize,
        @DefaultValue List<Path> importRoots,
        Path workDirectory,
        @DefaultValue("2") int maxConcurrentIngestions,
        @DefaultValue("30s") Duration ingestionWait,
        @DefaultValue Ingest ingest) {

    public DataProperties {
        importRoots = importRoots == null ? List.of() : List.copyOf(importRoots);
    }

    public Path workDirectoryOrTemp() {
        return workDirectory != null ? workDirectory : Path.of(System.getProperty("java.io.tmpdir"));
    }

    /**
     * @param memoryLimit                 DuckDB's native memory cap per ingestion (outside the JVM heap)
     * @param threads                     DuckDB worker threads per ingestion
     * @param tempDirectory               where DuckDB spills, in a folder per ingestion; null for java.io.tmpdir
     * @param sampleRows                  size of the reservoir sample kept with each version
     * @param sampleSeed                  seed of the sample, so the same bytes give the same sample
     * @param exactDistinctMaxRows        up to this row count distinct counts are exact, above it estimated
     * @param topValues                   most frequent values kept per text, categorical or boolean column
     * @param histogramBins               equal-width bins per numeric column
     * @param categoricalMaxDistinct      a text column with at most this many distinct values ...
     * @param categoricalMaxDistinctRatio ... and at most this ratio of distinct to non-null values is CATEGORICAL
     */
    public record Ingest(
            @DefaultValue("1GB") DataSize memoryLimit,
            @DefaultValue("2") int threads,
            Path tempDirectory,
            @DefaultValue("10000") int sampleRows,
            @DefaultValue("42") long sampleSeed,
            @DefaultValue("100000") long exactDistinctMaxRows,
            @DefaultValue("50") int topValues,
            @DefaultValue("20") int histogramBins,
            @DefaultValue("50") long categoricalMaxDistinct,
            @DefaultValue("0.5") double categoricalMaxDistinctRatio) {

        public IngestSettings toSettings() {
            return new IngestSettings(memoryLimit.toMegabytes() + "MB", threads, tempDirectory, sampleRows, sampleSeed,
                    exactDistinctMaxRows, topValues, histogramBins,
                    new CategoricalRule(categoricalMaxDistinct, categoricalMaxDistinctRatio));
        }
    }
}
