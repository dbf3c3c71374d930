package io.mlops.data.ingest;

import static io.mlops.data.schema.SqlNames.literal;

import io.mlops.data.schema.RowLocation;
import io.mlops.data.schema.SqlNames;
import io.mlops.data.schema.TypeInference;
import io.mlops.domain.data.ColumnSchema;
import io.mlops.domain.data.ColumnType;
import io.mlops.domain.data.DataFormat;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.LongUnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Makes a file queryable as {@value #TABLE} (a table for CSV and JSON Lines, a view over Parquet) with a
 * column of file positions, with base column types (STRING for all
 * text; CATEGORICAL is decided by the profile). Every engine refusal becomes an {@link InvalidDataset}.
 */
final class Loader {

    static final String TABLE = "data";
    private static final String PARQUET_ROW = "file_row_number";
    private static final Pattern LINE = Pattern.compile("[Ll]ine:? (\\d+)");

    /** {@code rowColumn} holds each row's 0-based position in the file. */
    record Loaded(List<ColumnSchema> columns, long rows, String rowColumn, RowLocation locatedBy,
            LongUnaryOperator locate) {

        String columnList() {
            return columns.stream().map(c -> SqlNames.ident(c.name())).collect(Collectors.joining(", "));
        }
    }

    private Loader() {
    }

    static Loaded load(Engine engine, Path file, DataFormat format) {
        try {
            if (Files.size(file) == 0) {
                throw new EmptyFile();
            }
            return switch (format) {
                case CSV -> csv(engine, file);
                case JSONL -> jsonl(engine, file);
                case PARQUET -> parquet(engine, file);
            };
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The DuckDB table function that reads a file of this format (CSV with the dialect Commons CSV checked). */
    static String source(Path file, DataFormat format, List<String> csvHeader) {
        String path = literal(file.toAbsolutePath().toString());
        return switch (format) {
            case CSV -> "read_csv(" + path + ", header = true, delim = ',', quote = '\"', escape = '\"',"
                    + " strict_mode = true, auto_detect = false, columns = {"
                    + csvHeader.stream().map(h -> literal(h) + ": 'VARCHAR'").collect(Collectors.joining(", ")) + "})";
            // records: every line must be an object (else a bind error, located by JsonLinesLocator); the
            // thresholds off: DuckDB would otherwise read wide (>= 200 keys of one type) or sparse rows as one MAP
            case JSONL -> "read_json(" + path + ", format = 'newline_delimited', sample_size = -1, records = true,"
                    + " map_inference_threshold = -1, field_appearance_threshold = 0)";
            case PARQUET -> "read_parquet(" + path + ")";
        };
    }

    private static Loaded csv(Engine engine, Path file) {
        Utf8Check.verify(file);
        CsvPrecheck.Layout layout = CsvPrecheck.check(file);
        try {
            engine.execute("CREATE TABLE raw AS SELECT * FROM " + source(file, DataFormat.CSV, layout.header()));
            List<ColumnType> types = TypeInference.inferText(engine.connection(), "raw", layout.header());
            List<String> casts = new ArrayList<>();
            List<ColumnSchema> columns = new ArrayList<>();
            for (int i = 0; i < types.size(); i++) {
                casts.add(TypeInference.castFromText(layout.header().get(i), types.get(i)));
                columns.add(new ColumnSchema(layout.header().get(i), types.get(i), true));
            }
            engine.execute("CREATE TABLE " + TABLE + " AS SELECT " + String.join(", ", casts) + " FROM raw");
            engine.execute("DROP TABLE raw");
            long rows = count(engine);
            if (rows != layout.rows()) {
                throw new UnreadableDataset("DuckDB read " + rows + " rows where Commons CSV read " + layout.rows(), null, null);
            }
            return new Loaded(columns, rows, "rowid", RowLocation.CSV_LINE, layout.lines()::lineOf);
        } catch (SQLException e) {
            throw new UnreadableDataset(e.getMessage(), lineIn(e.getMessage()), e);
        }
    }

    private static Loaded jsonl(Engine engine, Path file) {
        Utf8Check.verify(file);
        try {
            engine.execute("CREATE TABLE " + TABLE + " AS SELECT * FROM " + source(file, DataFormat.JSONL, null));
        } catch (SQLException e) {
            throw new MalformedJsonLine(JsonLinesLocator.firstBadLine(file), firstLine(e.getMessage()), e);
        }
        try {
            return typed(engine, "rowid");
        } catch (SQLException e) {
            throw new UnreadableDataset(e.getMessage(), null, e);
        }
    }

    private static Loaded parquet(Engine engine, Path file) {
        try {
            // A view, not a copy: Parquet is columnar and compressed, so each profiling query re-reading only
            // the columns it needs is cheaper than materializing every column first (measured on flights-3m).
            engine.execute("CREATE VIEW " + TABLE + " AS SELECT * FROM read_parquet("
                    + literal(file.toAbsolutePath().toString()) + ", file_row_number = true)");
            return typed(engine, PARQUET_ROW);
        } catch (SQLException e) {
            throw new UnreadableParquet(firstLine(e.getMessage()), e);
        }
    }

    private static Loaded typed(Engine engine, String rowColumn) throws SQLException {
        List<ColumnSchema> columns = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        try (Statement statement = engine.connection().createStatement();
                ResultSet rs = statement.executeQuery("DESCRIBE " + TABLE)) {
            while (rs.next()) {
                String name = rs.getString("column_name");
                if (name.equals(rowColumn)) {
                    continue;
                }
                if (name.isBlank()) {
                    throw new BlankColumnName(columns.size() + 1, null);
                }
                if (!seen.add(name)) {
                    throw new DuplicateColumnName(name, 1);
                }
                columns.add(new ColumnSchema(name, TypeInference.fromEngineType(rs.getString("column_type")), true));
            }
        }
        long rows = count(engine);
        if (rows == 0) {
            throw new NoDataRows(null);
        }
        return new Loaded(columns, rows, rowColumn, RowLocation.ROW_NUMBER, row -> row + 1);
    }

    private static long count(Engine engine) throws SQLException {
        try (Statement statement = engine.connection().createStatement();
                ResultSet rs = statement.executeQuery("SELECT count(*) FROM " + TABLE)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static Long lineIn(String message) {
        Matcher m = LINE.matcher(String.valueOf(message));
        return m.find() ? Long.valueOf(m.group(1)) : null;
    }

    private static String firstLine(String message) {
        return String.valueOf(message).lines().findFirst().orElse("");
    }
}
