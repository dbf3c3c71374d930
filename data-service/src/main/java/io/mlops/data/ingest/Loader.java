package io.mlops.data.ingest;

import static io.mlops.data.schema.SqlNames.ident;
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
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.LongUnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Makes a file queryable as {@value #TABLE} (a typed table for CSV, a view over a table for JSON Lines, a
 * view over the file for Parquet) with a generated column of file positions, with base column types (STRING
 * for all text; CATEGORICAL is decided by the profile). Every engine refusal becomes an {@link InvalidDataset}.
 */
final class Loader {

    static final String TABLE = "data";
    private static final String RAW = "raw";
    private static final String PARQUET_ROW = "file_row_number";
    private static final String ROWID = "rowid";
    /** The generated row-position column; a number is added when a user column has this name. */
    private static final String ROW = "__mlops_row";
    private static final String ROWID_ASIDE = "__mlops_rowid";
    private static final Pattern LINE = Pattern.compile("[Ll]ine:? (\\d+)");

    /**
     * {@code rowColumn} holds each row's 0-based position in the file: a generated column of {@value #TABLE}
     * named unlike any user column, so a user's rowid or file_row_number is data like any other.
     */
    record Loaded(List<ColumnSchema> columns, long rows, String rowColumn, RowLocation locatedBy,
            LongUnaryOperator locate) {

        String columnList() {
            return idents(columns.stream().map(ColumnSchema::name).toList());
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
        List<String> header = layout.header();
        header.forEach(name -> refuseNul(name, 1L));
        try {
            engine.execute("CREATE TABLE " + RAW + " AS SELECT * FROM " + source(file, DataFormat.CSV, header));
            List<ColumnType> types = TypeInference.inferText(engine.connection(), RAW, header);
            String rowColumn = freeName(ROW, header);
            List<String> sources = unshadowRowid(engine, header, rowColumn);
            List<String> casts = new ArrayList<>();
            List<ColumnSchema> columns = new ArrayList<>();
            for (int i = 0; i < types.size(); i++) {
                casts.add(TypeInference.castFromText(sources.get(i), header.get(i), types.get(i)));
                columns.add(new ColumnSchema(header.get(i), types.get(i), true));
            }
            engine.execute("CREATE TABLE " + TABLE + " AS SELECT rowid AS " + ident(rowColumn) + ", "
                    + String.join(", ", casts) + " FROM " + RAW);
            engine.execute("DROP TABLE " + RAW);
            long rows = count(engine);
            if (rows != layout.rows()) {
                throw new UnreadableDataset("DuckDB read " + rows + " rows where Commons CSV read " + layout.rows(), null, null);
            }
            return new Loaded(columns, rows, rowColumn, RowLocation.CSV_LINE, layout.lines()::lineOf);
        } catch (SQLException e) {
            throw new UnreadableDataset(e.getMessage(), lineIn(e.getMessage()), e);
        }
    }

    private static Loaded jsonl(Engine engine, Path file) {
        Utf8Check.verify(file);
        try {
            engine.execute("CREATE TABLE " + RAW + " AS SELECT * FROM " + source(file, DataFormat.JSONL, null));
        } catch (SQLException e) {
            throw new MalformedJsonLine(JsonLinesLocator.firstBadLine(file), firstLine(e.getMessage()), e);
        }
        try {
            return numberedByRowid(engine, columnsOf(engine, RAW));
        } catch (SQLException e) {
            throw new UnreadableDataset(e.getMessage(), null, e);
        }
    }

    private static Loaded parquet(Engine engine, Path file) {
        String path = literal(file.toAbsolutePath().toString());
        try {
            List<ColumnSchema> columns = columnsOf(engine, "read_parquet(" + path + ")");
            List<String> names = columns.stream().map(ColumnSchema::name).toList();
            if (names.stream().anyMatch(PARQUET_ROW::equalsIgnoreCase)) {
                // the file's own column would hide DuckDB's row number (and the option refuses such a file):
                // copy the rows into a table, whose rowid is file order, at the cost of memory
                engine.execute("CREATE TABLE " + RAW + " AS SELECT * FROM read_parquet(" + path + ")");
                return numberedByRowid(engine, columns);
            }
            // A view, not a copy: Parquet is columnar and compressed, so each profiling query re-reading only
            // the columns it needs is cheaper than materializing every column first (measured on flights-3m).
            String rowColumn = freeName(ROW, names);
            engine.execute("CREATE VIEW " + TABLE + " AS SELECT " + PARQUET_ROW + " AS " + ident(rowColumn) + ", "
                    + idents(names) + " FROM read_parquet(" + path + ", file_row_number = true)");
            return loaded(engine, columns, rowColumn);
        } catch (SQLException e) {
            throw new UnreadableParquet(firstLine(e.getMessage()), e);
        }
    }

    /** Makes {@value #TABLE} a view of {@value #RAW} with the row positions the table's rowid gives. */
    private static Loaded numberedByRowid(Engine engine, List<ColumnSchema> columns) throws SQLException {
        List<String> names = columns.stream().map(ColumnSchema::name).toList();
        String rowColumn = freeName(ROW, names);
        List<String> sources = unshadowRowid(engine, names, rowColumn);
        List<String> selected = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            selected.add(ident(sources.get(i)) + " AS " + ident(names.get(i)));
        }
        engine.execute("CREATE VIEW " + TABLE + " AS SELECT rowid AS " + ident(rowColumn) + ", "
                + String.join(", ", selected) + " FROM " + RAW);
        return loaded(engine, columns, rowColumn);
    }

    /**
     * Renames any column of {@value #RAW} called rowid (in any case), which would hide the table's rowid
     * pseudo-column, and answers the names to read the columns by, in order.
     */
    private static List<String> unshadowRowid(Engine engine, List<String> names, String rowColumn) throws SQLException {
        List<String> sources = new ArrayList<>(names);
        List<String> taken = new ArrayList<>(names);
        taken.add(rowColumn);
        for (int i = 0; i < names.size(); i++) {
            if (names.get(i).equalsIgnoreCase(ROWID)) {
                String aside = freeName(ROWID_ASIDE, taken);
                taken.add(aside);
                engine.execute("ALTER TABLE " + RAW + " RENAME COLUMN " + ident(names.get(i)) + " TO " + ident(aside));
                sources.set(i, aside);
            }
        }
        return sources;
    }

    /** {@code base}, with a number added if needed, so that it is none of {@code taken} (DuckDB ignores case). */
    static String freeName(String base, Collection<String> taken) {
        String name = base;
        for (int n = 1; contains(taken, name); n++) {
            name = base + "_" + n;
        }
        return name;
    }

    private static boolean contains(Collection<String> names, String name) {
        return names.stream().anyMatch(name::equalsIgnoreCase);
    }

    /** The columns of a relation, with base types; blank or repeated names are refused. */
    private static List<ColumnSchema> columnsOf(Engine engine, String relation) throws SQLException {
        List<ColumnSchema> columns = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        try (Statement statement = engine.connection().createStatement();
                ResultSet rs = statement.executeQuery("DESCRIBE SELECT * FROM " + relation)) {
            while (rs.next()) {
                String name = rs.getString("column_name");
                if (name.isBlank()) {
                    throw new BlankColumnName(columns.size() + 1, null);
                }
                if (!seen.add(name)) {
                    throw new DuplicateColumnName(name, 1);
                }
                refuseNul(name, null);
                columns.add(new ColumnSchema(name, TypeInference.fromEngineType(rs.getString("column_type")), true));
            }
        }
        return columns;
    }

    private static void refuseNul(String name, Long line) {
        if (name.indexOf('\0') >= 0) {
            throw new NulInColumnName(name, line);
        }
    }

    private static Loaded loaded(Engine engine, List<ColumnSchema> columns, String rowColumn) throws SQLException {
        long rows = count(engine);
        if (rows == 0) {
            throw new NoDataRows(null);
        }
        return new Loaded(columns, rows, rowColumn, RowLocation.ROW_NUMBER, row -> row + 1);
    }

    private static String idents(List<String> names) {
        return names.stream().map(SqlNames::ident).collect(Collectors.joining(", "));
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
