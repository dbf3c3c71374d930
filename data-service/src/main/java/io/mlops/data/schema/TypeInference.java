package io.mlops.data.schema;

import static io.mlops.data.schema.SqlNames.ident;

import io.mlops.domain.data.ColumnType;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Types of columns. Typed sources (Parquet, JSON) map the engine's type; CSV text is read as VARCHAR
 * and typed here over ALL rows in one aggregate query, so a late odd value cannot break a type guessed
 * from a sample (DuckDB's own sniffer samples). A text column takes the first of INTEGER, FLOAT, BOOLEAN,
 * DATE, TIMESTAMP that every non-null value parses as, else STRING; CATEGORICAL is decided later from the
 * distinct count ({@link CategoricalRule}).
 */
public final class TypeInference {

    private static final ColumnType[] TEXT_ORDER = {
        ColumnType.INTEGER, ColumnType.FLOAT, ColumnType.BOOLEAN, ColumnType.DATE, ColumnType.TIMESTAMP};

    private static final int SAMPLE = 10_000;

    private TypeInference() {
    }

    /** The logical type of a DuckDB column type name; STRING for anything not numeric, boolean or temporal. */
    public static ColumnType fromEngineType(String engineType) {
        String type = engineType.toUpperCase(Locale.ROOT);
        if (type.matches("U?(TINYINT|SMALLINT|INTEGER|BIGINT|HUGEINT)")) {
            return ColumnType.INTEGER;
        }
        if (type.equals("DOUBLE") || type.equals("FLOAT") || type.equals("REAL") || type.startsWith("DECIMAL")) {
            return ColumnType.FLOAT;
        }
        if (type.equals("BOOLEAN")) {
            return ColumnType.BOOLEAN;
        }
        if (type.equals("DATE")) {
            return ColumnType.DATE;
        }
        if (type.startsWith("TIMESTAMP")) {
            return ColumnType.TIMESTAMP;
        }
        return ColumnType.STRING;
    }

    /**
     * Infers the type of each VARCHAR column of {@code table} from all its values. A first query over the
     * first {@value #SAMPLE} rows keeps, per column, only the types every sampled value parses as; the
     * full pass then tests just those. Exact all the same (a type that fits all rows fits the sample), and
     * it spares millions of failing casts, which are slow in DuckDB (a text column would otherwise try
     * four casts per value).
     */
    public static List<ColumnType> inferText(Connection connection, String table, List<String> columns)
            throws SQLException {
        List<List<ColumnType>> all = columns.stream().map(c -> List.of(TEXT_ORDER)).toList();
        List<List<ColumnType>> candidates = passing(connection, "(SELECT * FROM " + table + " LIMIT " + SAMPLE + ")",
                columns, all, true);
        return passing(connection, table, columns, candidates, false).stream()
                .map(types -> types.isEmpty() ? ColumnType.STRING : types.getFirst())
                .toList();
    }

    /**
     * Per column, those of the candidate types that every non-null value of {@code from} parses as; a column
     * without values keeps all candidates if {@code emptyFitsAll} (the sample), none otherwise (STRING).
     */
    private static List<List<ColumnType>> passing(Connection connection, String from, List<String> columns,
            List<List<ColumnType>> candidates, boolean emptyFitsAll) throws SQLException {
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < columns.size(); i++) {
            String c = ident(columns.get(i));
            parts.add("count(" + c + ")");
            candidates.get(i).forEach(type -> parts.add("count(*) FILTER (" + parses(c, type) + ")"));
        }
        List<List<ColumnType>> result = new ArrayList<>();
        try (Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery("SELECT " + String.join(", ", parts) + " FROM " + from)) {
            rs.next();
            int index = 1;
            for (List<ColumnType> types : candidates) {
                long nonNull = rs.getLong(index++);
                List<ColumnType> fitting = new ArrayList<>();
                for (ColumnType type : types) {
                    if (rs.getLong(index++) == nonNull && (nonNull > 0 || emptyFitsAll)) {
                        fitting.add(type);
                    }
                }
                result.add(fitting);
            }
        }
        return result;
    }

    private static String parses(String c, ColumnType type) {
        return switch (type) {
            // DuckDB casts '1.5' to BIGINT 2 and '1e3' to 1000: integers are written without '.' or exponent
            case INTEGER -> "strpos(" + c + ", '.') = 0 AND NOT contains(lower(" + c + "), 'e') AND TRY_CAST("
                    + c + " AS BIGINT) IS NOT NULL";
            case FLOAT -> "TRY_CAST(" + c + " AS DOUBLE) IS NOT NULL";
            case BOOLEAN -> "lower(trim(" + c + ")) IN ('true', 'false')";
            // the DATE cast also accepts (and truncates) timestamps: a date alone is at most 10 characters
            case DATE -> "length(trim(" + c + ")) <= 10 AND TRY_CAST(" + c + " AS DATE) IS NOT NULL";
            case TIMESTAMP -> "TRY_CAST(" + c + " AS TIMESTAMP) IS NOT NULL";
            case STRING, CATEGORICAL -> "true";
        };
    }

    /**
     * The SQL that turns the VARCHAR column {@code source} into the inferred type (exact, since every value
     * parsed), named {@code target}.
     */
    public static String castFromText(String source, String target, ColumnType type) {
        String c = ident(source);
        return switch (type) {
            case INTEGER -> "CAST(trim(" + c + ") AS BIGINT)";
            case FLOAT -> "CAST(" + c + " AS DOUBLE)";
            case BOOLEAN -> "CAST(lower(trim(" + c + ")) AS BOOLEAN)";
            case DATE -> "CAST(trim(" + c + ") AS DATE)";
            case TIMESTAMP -> "CAST(" + c + " AS TIMESTAMP)";
            case STRING, CATEGORICAL -> c;
        } + " AS " + ident(target);
    }
}
