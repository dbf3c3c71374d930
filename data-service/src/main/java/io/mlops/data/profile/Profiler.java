package io.mlops.data.profile;

import static io.mlops.data.schema.SqlNames.ident;

import io.mlops.domain.data.ColumnProfile;
import io.mlops.domain.data.ColumnSchema;
import io.mlops.domain.data.ColumnType;
import io.mlops.domain.data.Quantiles;
import java.sql.Array;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Profiles every column of a DuckDB table with one aggregate query over all columns (counts, distinct,
 * min, max, mean, sample standard deviation, quantiles), then one more over the numeric columns for the
 * histograms (their edges need min and max first) and one GROUP BY per text or boolean column for the
 * most frequent values. Quantiles are DuckDB's {@code quantile_cont}: linear interpolation between the
 * closest ranks (type 7 in Hyndman and Fan, as numpy's default and R's default). NaN and infinite values
 * of FLOAT columns are left out of the numeric summary.
 */
public final class Profiler {

    private static final String LEVELS = "[0.01, 0.05, 0.25, 0.5, 0.75, 0.95, 0.99]";
    private static final int PER_COLUMN = 9;

    private final ProfileOptions options;

    public Profiler(ProfileOptions options) {
        this.options = options;
    }

    /**
     * @param columns the table's columns with their base types (STRING for text; this decides CATEGORICAL)
     * @return one profile per column, in order; the final type of each column is in its profile
     */
    public List<ColumnProfile> profile(Connection connection, String table, List<ColumnSchema> columns, long rowCount)
            throws SQLException {
        boolean exact = rowCount <= options.exactDistinctMaxRows();
        List<ColumnStats> stats = aggregate(connection, table, columns, exact);
        List<NumericRange> ranges = stats.stream().map(ColumnStats::range).toList();
        List<io.mlops.domain.data.Histogram> histograms =
                new HistogramQuery(options.histogramBins()).run(connection, table, columns, ranges);
        TopValuesQuery top = new TopValuesQuery(options.topValues());
        List<ColumnProfile> profiles = new ArrayList<>();
        for (int i = 0; i < columns.size(); i++) {
            ColumnSchema column = columns.get(i);
            ColumnStats s = stats.get(i);
            ColumnType type = column.type() == ColumnType.STRING
                    && options.categorical().isCategorical(s.distinct(), s.count())
                    ? ColumnType.CATEGORICAL : column.type();
            boolean tops = type == ColumnType.STRING || type == ColumnType.CATEGORICAL || type == ColumnType.BOOLEAN;
            profiles.add(new ColumnProfile(column.name(), type, s.count(), rowCount - s.count(), s.distinct(), !exact,
                    s.min(), s.max(), s.numeric(histograms.get(i)),
                    tops ? top.run(connection, table, column.name()) : null));
        }
        return profiles;
    }

    private List<ColumnStats> aggregate(Connection connection, String table, List<ColumnSchema> columns, boolean exact)
            throws SQLException {
        List<String> parts = new ArrayList<>();
        for (ColumnSchema column : columns) {
            String c = ident(column.name());
            String x = numericInput(column);
            parts.add("count(" + c + ")");
            parts.add(exact ? "count(DISTINCT " + c + ")" : "approx_count_distinct(" + c + ")");
            parts.add("CAST(min(" + c + ") AS VARCHAR)");
            parts.add("CAST(max(" + c + ") AS VARCHAR)");
            boolean numeric = column.type().isNumeric();
            parts.add(numeric ? "CAST(min(" + x + ") AS DOUBLE)" : "NULL");
            parts.add(numeric ? "CAST(max(" + x + ") AS DOUBLE)" : "NULL");
            parts.add(numeric ? "avg(" + x + ")" : "NULL");
            parts.add(numeric ? "stddev_samp(" + x + ")" : "NULL");
            parts.add(numeric ? "quantile_cont(" + x + ", " + LEVELS + ")" : "NULL");
        }
        List<ColumnStats> stats = new ArrayList<>();
        try (Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery("SELECT " + String.join(", ", parts) + " FROM " + table)) {
            rs.next();
            for (int i = 0; i < columns.size(); i++) {
                int b = i * PER_COLUMN;
                boolean numeric = columns.get(i).type().isNumeric() && rs.getObject(b + 5) != null;
                stats.add(new ColumnStats(rs.getLong(b + 1), rs.getLong(b + 2), rs.getString(b + 3), rs.getString(b + 4),
                        numeric ? new NumericRange(rs.getDouble(b + 5), rs.getDouble(b + 6)) : null,
                        numeric ? orNaN(rs, b + 7) : Double.NaN,
                        numeric ? orNaN(rs, b + 8) : Double.NaN,
                        numeric ? quantiles(rs.getArray(b + 9)) : null));
            }
        }
        return stats;
    }

    /** The expression fed to numeric aggregates: FLOAT columns without NaN and infinities. */
    static String numericInput(ColumnSchema column) {
        String c = ident(column.name());
        return column.type() == ColumnType.FLOAT ? "(CASE WHEN isfinite(" + c + ") THEN " + c + " END)" : c;
    }

    private static double orNaN(ResultSet rs, int index) throws SQLException {
        double value = rs.getDouble(index);
        return rs.wasNull() ? Double.NaN : value;
    }

    private static Quantiles quantiles(Array array) throws SQLException {
        Object[] values = (Object[]) array.getArray();
        double[] q = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            q[i] = ((Number) values[i]).doubleValue();
        }
        return Quantiles.of(q);
    }
}
