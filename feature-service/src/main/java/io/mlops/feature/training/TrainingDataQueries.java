package io.mlops.feature.training;

import io.mlops.feature.featureset.EntityKeys;
import io.mlops.feature.featureset.FeatureSet;
import io.mlops.feature.featureset.FeatureSetVersion;
import io.mlops.feature.materialization.OfflineTable;
import java.io.IOException;
import java.io.Writer;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * The SQL behind training data. The point-in-time join is a LATERAL subquery per requested row:
 * the newest offline row of that entity with {@code event_time <= timestamp} (and, with a TTL,
 * {@code >= timestamp - ttl}), newest first by the table's index, LIMIT 1. A row after the
 * timestamp can never be picked, so no future value leaks into a training row. Timestamps are
 * floored to the microsecond Postgres keeps before they reach SQL.
 */
@Component
class TrainingDataQueries {

    private static final int FETCH = 2000;

    private final DataSource dataSource;
    private final JdbcClient jdbc;
    private final JsonMapper json;

    TrainingDataQueries(DataSource dataSource, JdbcClient jdbc, JsonMapper json) {
        this.dataSource = dataSource;
        this.jdbc = jdbc;
        this.json = json;
    }

    boolean materialized(FeatureSetVersion version) {
        return jdbc.sql("SELECT count(*) FROM materialization_job WHERE feature_set = ? AND version = ? AND state = 'SUCCEEDED'")
                .params(version.featureSet(), version.version()).query(Long.class).single() > 0;
    }

    void all(FeatureSet set, FeatureSetVersion version, TrainingDataFormat format, Writer out) throws SQLException, IOException {
        OfflineTable table = OfflineTable.of(set, version);
        List<String> columns = new ArrayList<>(table.entityColumns());
        columns.add("event_time");
        columns.addAll(table.featureColumns());
        columns.addAll(table.labelColumns());
        List<String> header = new ArrayList<>(set.entityColumns());
        if (set.hasEventTime()) {
            header.add(set.eventTimeColumn());
        }
        header.addAll(version.outputColumns());
        header.addAll(set.labelColumns());
        String sql = "SELECT " + String.join(", ", columns) + " FROM " + table.name() + " ORDER BY _row";
        stream(sql, List.of(), (rs, values) -> {
            int at = 0;
            int col = 1;
            for (int i = 0; i < table.entities(); i++) {
                values[at++] = rs.getString(col++);
            }
            Instant time = instant(rs, col++);
            if (set.hasEventTime()) {
                values[at++] = time == null ? null : time.toString();
            }
            readFeaturesAndLabels(rs, col, table, values, at);
        }, header, format, out);
    }

    void pointInTime(FeatureSet set, FeatureSetVersion version, List<String> entities, List<Instant> times,
                     TrainingDataFormat format, Writer out) throws SQLException, IOException {
        OfflineTable table = OfflineTable.of(set, version);
        List<String> picked = new ArrayList<>(List.of("t.event_time"));
        table.featureColumns().forEach(c -> picked.add("t." + c));
        table.labelColumns().forEach(c -> picked.add("t." + c));
        String window = set.hasEventTime() ? " AND o.event_time <= q.ts" : "";
        if (set.hasEventTime() && set.ttl() != null) {
            window += " AND o.event_time >= q.ts - make_interval(secs => " + set.ttl().toMillis() / 1000.0 + ")";
        }
        String sql = "SELECT q.ord, q.ts, " + String.join(", ", picked)
                + " FROM unnest(?::text[], ?::timestamptz[]) WITH ORDINALITY AS q(entity, ts, ord)"
                + " LEFT JOIN LATERAL (SELECT * FROM " + table.name() + " o WHERE o._entity = q.entity" + window
                + " ORDER BY o.event_time DESC NULLS LAST, o._row DESC LIMIT 1) t ON true ORDER BY q.ord";
        List<String> header = new ArrayList<>(set.entityColumns());
        header.add("timestamp");
        if (set.hasEventTime()) {
            header.add(set.eventTimeColumn());
        }
        header.addAll(version.outputColumns());
        header.addAll(set.labelColumns());
        // Postgres keeps microseconds and ROUNDS finer text (23:59:59.9999999 becomes the next day),
        // which could pick a row after the request's own time; flooring can only pick an earlier one.
        List<String> timeTexts = times.stream().map(t -> t.truncatedTo(ChronoUnit.MICROS).toString()).toList();
        stream(sql, List.of(entities, timeTexts), (rs, values) -> {
            int index = (int) rs.getLong(1) - 1;
            int at = 0;
            for (String part : EntityKeys.parts(entities.get(index), table.entities())) {
                values[at++] = part;
            }
            values[at++] = times.get(index).toString();
            Instant time = instant(rs, 3);
            if (set.hasEventTime()) {
                values[at++] = time == null ? null : time.toString();
            }
            readFeaturesAndLabels(rs, 4, table, values, at);
        }, header, format, out);
    }

    private static void readFeaturesAndLabels(ResultSet rs, int col, OfflineTable table, Object[] values, int at)
            throws SQLException {
        for (int i = 0; i < table.features(); i++) {
            double value = rs.getDouble(col++);
            values[at++] = rs.wasNull() ? null : value;
        }
        for (int i = 0; i < table.labelTypes().size(); i++) {
            values[at++] = rs.getObject(col++);
        }
    }

    private static Instant instant(ResultSet rs, int col) throws SQLException {
        OffsetDateTime time = rs.getObject(col, OffsetDateTime.class);
        return time == null ? null : time.toInstant();
    }

    @FunctionalInterface
    private interface RowReader {
        void read(ResultSet rs, Object[] values) throws SQLException;
    }

    /** Runs the query through a cursor (autocommit off, fetch size) and writes each row as it comes. */
    private void stream(String sql, List<List<String>> textArrays, RowReader reader, List<String> header,
                        TrainingDataFormat format, Writer out) throws SQLException, IOException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                for (int i = 0; i < textArrays.size(); i++) {
                    Array array = connection.createArrayOf("text", textArrays.get(i).toArray());
                    statement.setArray(i + 1, array);
                }
                statement.setFetchSize(FETCH);
                try (ResultSet rs = statement.executeQuery(); RowWriter writer = RowWriter.of(format, header, out, json)) {
                    Object[] values = new Object[header.size()];
                    while (rs.next()) {
                        reader.read(rs, values);
                        writer.row(values);
                    }
                }
            } finally {
                connection.rollback();
                connection.setAutoCommit(true);
            }
        }
    }
}
