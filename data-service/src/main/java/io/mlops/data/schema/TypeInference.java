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

    /** Infers the type of each VARCHAR column of {@code table} from all its values. */
    public static List<ColumnType> inferText(Connection connection, String table, List<String> columns)
            throws SQLException {
        List<String> parts = new ArrayList<>();
        for (String name : columns) {
            String c = ident(name);
            parts.add("count(" + c + ")");
            // DuckDB casts '1.5' to BIGINT 2 and '1e3' to 1000: integers are written without '.' or exponent
            parts.add("count(*) FILTER (strpos(" + c + ", '.') = 0 AND NOT contains(lower(" + c + "), 'e')"
                    + " AND TRY_CAST(" + c + " AS BIGINT) IS NOT NULL)");
            parts.add("count(TRY_CAST(" + c + " AS DOUBLE))");
            parts.add("count(*) FILTER (lower(trim(" + c + ")) IN ('true', 'false'))");
            // the DATE cast also accepts (and truncates) timestamps: a date alone is at most 10 characters
            parts.add("count(*) FILTER (length(trim(" + c + ")) <= 10 AND TRY_CAST(" + c + " AS DATE) IS NOT NULL)");
            parts.add("count(TRY_CAST(" + c + " AS TIMESTAMP))");
        }
        List<ColumnType> types = new ArrayList<>();
        try (Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery("SELECT " + String.join(", ", parts) + " FROM " + table)) {
            rs.next();
            for (int i = 0; i < columns.size(); i++) {
                int base = i * 6;
                long nonNull = rs.getLong(base + 1);
                ColumnType type = ColumnType.STRING;
                for (int k = 0; k < TEXT_ORDER.length && nonNull > 0; k++) {
                    if (rs.getLong(base + 2 + k) == nonNull) {
                        type = TEXT_ORDER[k];
                        break;
                    }
                }
                types.add(type);
            }
        }
        return types;
    }

    /** The SQL that turns a VARCHAR column into the inferred type (exact, since every value parsed). */
    public static String castFromText(String column, ColumnType type) {
        String c = ident(column);
        return switch (type) {
            case INTEGER -> "CAST(trim(" + c + ") AS BIGINT)";
            case FLOAT -> "CAST(" + c + " AS DOUBLE)";
            case BOOLEAN -> "CAST(lower(trim(" + c + ")) AS BOOLEAN)";
            case DATE -> "CAST(trim(" + c + ") AS DATE)";
            case TIMESTAMP -> "CAST(" + c + " AS TIMESTAMP)";
            case STRING, CATEGORICAL -> c;
        } + " AS " + c;
    }
}
