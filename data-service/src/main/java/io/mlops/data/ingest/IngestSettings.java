package io.mlops.data.ingest;

import io.mlops.data.schema.CategoricalRule;
import java.nio.file.Path;

/**
 * Engine limits and profile sizes. DuckDB's memory is native (outside the JVM heap), so {@code
 * memoryLimit} caps it separately; past it DuckDB spills to {@code tempDirectory}.
 *
 * @param memoryLimit           DuckDB {@code memory_limit}, e.g. "1GB"
 * @param threads               DuckDB worker threads
 * @param tempDirectory         where each engine makes its own spill folder; null for java.io.tmpdir
 * @param sampleRows            reservoir sample size
 * @param sampleSeed            seed of the reservoir sample, so the same file gives the same sample
 * @param exactDistinctMaxRows  up to this row count distinct counts are exact, above it HyperLogLog estimates
 * @param topValues             how many most frequent values to keep per string/categorical/boolean column
 * @param histogramBins         bins of the equal-width histogram of numeric columns
 * @param categorical           when a string column counts as categorical
 */
public record IngestSettings(
        String memoryLimit,
        int threads,
        Path tempDirectory,
        int sampleRows,
        long sampleSeed,
        long exactDistinctMaxRows,
        int topValues,
        int histogramBins,
        CategoricalRule categorical) {

    public IngestSettings {
        if (threads < 1 || sampleRows < 0 || topValues < 1 || histogramBins < 1) {
            throw new IllegalArgumentException("threads, topValues, histogramBins must be positive, sampleRows >= 0");
        }
        if (memoryLimit == null || !memoryLimit.matches("\\d+(\\.\\d+)?\\s*[KMGT]?i?B")) {
            throw new IllegalArgumentException("memoryLimit like 512MB or 1GB expected, got " + memoryLimit);
        }
    }

    /** 1 GB, 2 threads, 10,000-row sample (seed 42), exact distinct up to 100k rows, top 50, 20 bins. */
    public static IngestSettings defaults() {
        return new IngestSettings("1GB", 2, null, 10_000, 42L, 100_000L, 50, 20, CategoricalRule.DEFAULT);
    }
}
