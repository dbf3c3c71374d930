package io.mlops.data.ingest;

import static io.mlops.data.schema.SqlNames.literal;

import io.mlops.data.schema.DeclaredSchema;
import io.mlops.data.schema.ValidationReport;
import io.mlops.domain.data.DataFormat;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.SQLException;
import java.util.List;

/**
 * The entry point: reads a file already on disk (CSV, JSON Lines, Parquet) strictly, infers its schema,
 * profiles it, validates a declared schema and writes its sample. Thread-safe: each call has its own
 * DuckDB engine. Every malformed input ends in an {@link InvalidDataset}.
 */
public final class DatasetIngestor {

    private final IngestSettings settings;

    public DatasetIngestor(IngestSettings settings) {
        this.settings = settings;
    }

    /** Loads and profiles the file; the caller must close the result. */
    public LoadedDataset load(Path file, DataFormat format) {
        Engine engine = Engine.open(settings);
        try {
            return new LoadedDataset(engine, settings, format, Loader.load(engine, file, format));
        } catch (SQLException e) {
            engine.close();
            // Parquet is read lazily through a view: a corrupt page only shows while profiling
            throw format == DataFormat.PARQUET
                    ? new UnreadableParquet(e.getMessage().lines().findFirst().orElse(""), e)
                    : new UnreadableDataset(e.getMessage(), null, e);
        } catch (RuntimeException e) {
            engine.close();
            throw e;
        }
    }

    /**
     * Loads, profiles, validates (when {@code declared} is not null) and writes the reservoir sample to
     * {@code sampleTarget} as Parquet, in one engine session.
     */
    public IngestResult ingest(Path file, DataFormat format, DeclaredSchema declared, Path sampleTarget) {
        try (LoadedDataset dataset = load(file, format)) {
            ValidationReport report = declared == null ? null : dataset.validate(declared);
            dataset.writeSample(sampleTarget);
            return new IngestResult(format, dataset.rowCount(), dataset.schema(), dataset.profile(), report, sampleTarget);
        }
    }

    /**
     * Writes a file of any format as CSV with a header, for "download as CSV". A CSV is copied byte for
     * byte; the others are converted by DuckDB in one streaming COPY, without profiling.
     */
    public void convertToCsv(Path file, DataFormat format, Path target) {
        try {
            if (format == DataFormat.CSV) {
                Files.copy(file, target, StandardCopyOption.REPLACE_EXISTING);
                return;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try (Engine engine = Engine.open(settings)) {
            engine.execute("COPY (SELECT * FROM " + Loader.source(file, format, List.of()) + ") TO "
                    + literal(target.toAbsolutePath().toString()) + " (FORMAT csv, HEADER)");
        } catch (SQLException e) {
            throw format == DataFormat.PARQUET
                    ? new UnreadableParquet(e.getMessage(), e)
                    : new MalformedJsonLine(null, e.getMessage(), e);
        }
    }
}
