package io.mlops.data.profile;

import io.mlops.domain.data.ColumnSchema;
import io.mlops.domain.data.Histogram;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Equal-width histograms of all numeric columns in one pass: each value goes to bin
 * floor((x - lo) / width), the maximum into the last bin (closed on the right); DuckDB's
 * {@code histogram} aggregate counts the bins.
 */
final class HistogramQuery {

    private final int bins;

    HistogramQuery(int bins) {
        this.bins = bins;
    }

    List<Histogram> run(Connection connection, String table, List<ColumnSchema> columns, List<NumericRange> ranges)
            throws SQLException {
        List<String> parts = new ArrayList<>();
        List<double[]> edges = new ArrayList<>();
        for (int i = 0; i < columns.size(); i++) {
            NumericRange range = ranges.get(i);
            if (range != null) {
                String x = Profiler.numericInput(columns.get(i));
                parts.add("histogram(CAST(least(floor((" + x + " - CAST(? AS DOUBLE)) / CAST(? AS DOUBLE)), "
                        + (bins - 1) + ") AS INTEGER))");
                edges.add(range.edges(bins));
            }
        }
        List<Histogram> histograms = new ArrayList<>();
        if (parts.isEmpty()) {
            columns.forEach(c -> histograms.add(null));
            return histograms;
        }
        try (PreparedStatement statement =
                connection.prepareStatement("SELECT " + String.join(", ", parts) + " FROM " + table)) {
            for (int k = 0; k < edges.size(); k++) {
                double[] e = edges.get(k);
                statement.setDouble(2 * k + 1, e[0]);
                statement.setDouble(2 * k + 2, (e[bins] - e[0]) / bins);
            }
            try (ResultSet rs = statement.executeQuery()) {
                rs.next();
                int k = 0;
                for (NumericRange range : ranges) {
                    if (range == null) {
                        histograms.add(null);
                    } else {
                        histograms.add(histogram(edges.get(k), (Map<?, ?>) rs.getObject(k + 1)));
                        k++;
                    }
                }
            }
        }
        return histograms;
    }

    private Histogram histogram(double[] edges, Map<?, ?> counted) {
        long[] counts = new long[bins];
        if (counted != null) {
            counted.forEach((bin, n) -> counts[((Number) bin).intValue()] += ((Number) n).longValue());
        }
        return new Histogram(Arrays.stream(edges).boxed().toList(), Arrays.stream(counts).boxed().toList());
    }
}
