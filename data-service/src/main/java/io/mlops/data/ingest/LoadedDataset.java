package io.mlops.data.ingest;

import static io.mlops.data.schema.SqlNames.ident;
import static io.mlops.data.schema.SqlNames.literal;

import io.mlops.data.profile.ProfileOptions;
import io.mlops.data.profile.Profiler;
import io.mlops.data.schema.DeclaredSchema;
import io.mlops.data.schema.SchemaValidator;
import io.mlops.data.schema.ValidationReport;
import io.mlops.domain.data.ColumnProfile;
import io.mlops.domain.data.ColumnSchema;
import io.mlops.domain.data.DataFormat;
import io.mlops.domain.data.DatasetProfile;
import io.mlops.domain.data.DatasetSchema;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;

/**
 * A file loaded into DuckDB and profiled; validate it, write its sample or a CSV copy, then close it to
 * free the engine's memory. Not thread-safe: one ingestion per instance.
 */
public final class LoadedDataset implements AutoCloseable {

    /** Offending rows kept per rule in a validation report. */
    public static final int MAX_OFFENCES = 20;

    private final Engine engine;
    private final IngestSettings settings;
    private final DataFormat format;
    private final Loader.Loaded loaded;
    private final DatasetSchema schema;
    private final DatasetProfile profile;

    LoadedDataset(Engine engine, IngestSettings settings, DataFormat format, Loader.Loaded loaded) throws SQLException {
        this.engine = engine;
        this.settings = settings;
        this.format = format;
        this.loaded = loaded;
        Profiler profiler = new Profiler(new ProfileOptions(settings.exactDistinctMaxRows(), settings.topValues(),
                settings.histogramBins(), settings.categorical()));
        List<ColumnProfile> columns = profiler.profile(engine.connection(), Loader.TABLE, loaded.columns(), loaded.rows());
        this.schema = new DatasetSchema(columns.stream().map(c -> new ColumnSchema(c.name(), c.type(), c.nulls() > 0)).toList());
        this.profile = new DatasetProfile(loaded.rows(), columns, (int) Math.min(loaded.rows(), settings.sampleRows()));
    }

    public DataFormat format() {
        return format;
    }

    public long rowCount() {
        return loaded.rows();
    }

    /** Inferred types; a column is nullable when it has at least one null. */
    public DatasetSchema schema() {
        return schema;
    }

    /** The profile; {@code sampleRows} is the size {@link #writeSample} writes: min(rows, settings.sampleRows). */
    public DatasetProfile profile() {
        return profile;
    }

    /** Checks declared rules; rows are located by CSV line for CSV, by 1-based row number otherwise. */
    public ValidationReport validate(DeclaredSchema declared) {
        return new SchemaValidator(engine.connection(), Loader.TABLE, loaded.rowColumn(), schema.columnNames(),
                loaded.locatedBy(), loaded.locate(), MAX_OFFENCES).validate(declared);
    }

    /**
     * Writes a reservoir sample of up to settings.sampleRows rows as Parquet (types kept), rows in file
     * order; the same file and seed always give the same rows.
     *
     * @return the number of rows written
     */
    public int writeSample(Path parquetTarget) {
        String row = ident(loaded.rowColumn());
        String sql = "COPY (SELECT " + loaded.columnList() + " FROM (SELECT " + row + ", "
                + loaded.columnList() + " FROM " + Loader.TABLE
                + " USING SAMPLE reservoir(" + settings.sampleRows() + " ROWS) REPEATABLE (" + settings.sampleSeed()
                + ")) ORDER BY " + row + ") TO " + literal(parquetTarget.toAbsolutePath().toString()) + " (FORMAT parquet)";
        try {
            engine.executeSingleThreaded(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot write the sample: " + e.getMessage(), e);
        }
        return profile.sampleRows();
    }

    /** Writes all rows as CSV with a header (RFC 4180 quoting, ISO dates and timestamps). */
    public void writeCsv(Path target) {
        try {
            engine.execute("COPY (SELECT " + loaded.columnList() + " FROM " + Loader.TABLE + ") TO "
                    + literal(target.toAbsolutePath().toString()) + " (FORMAT csv, HEADER)");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot write CSV: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        engine.close();
    }
}
