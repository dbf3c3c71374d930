package io.mlops.monitoring.window;

import io.mlops.events.EventJson;
import java.io.IOException;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;

/** The {@code prediction_log} table, partitioned by UTC day. */
@Repository
class PredictionLog {

    private static final DateTimeFormatter SUFFIX = DateTimeFormatter.BASIC_ISO_DATE;

    private final JdbcClient jdbc;
    private final DataSource dataSource;
    private final Set<LocalDate> partitions = ConcurrentHashMap.newKeySet();

    PredictionLog(JdbcClient jdbc, DataSource dataSource) {
        this.jdbc = jdbc;
        this.dataSource = dataSource;
    }

    record Logged(Map<String, Object> features, Double value, String label, double latencyMs) {
    }

    /** Creates the day's partition unless this instance saw it exist; idempotent, run outside the insert's transaction. */
    void ensurePartition(LocalDate day) {
        if (partitions.contains(day)) {
            return;
        }
        jdbc.sql("CREATE TABLE IF NOT EXISTS " + partitionName(day) + " PARTITION OF prediction_log FOR VALUES FROM ('"
                + day.atStartOfDay(ZoneOffset.UTC).toInstant() + "') TO ('" + day.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant() + "')")
                .update();
        partitions.add(day);
    }

    static String partitionName(LocalDate day) {
        return "prediction_log_" + SUFFIX.format(day);
    }

    /** Partition days that exist in the database (names follow {@link #partitionName}). */
    List<LocalDate> existingPartitions() {
        return jdbc.sql("""
                SELECT c.relname FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
                JOIN pg_class p ON p.oid = i.inhparent JOIN pg_namespace n ON n.oid = p.relnamespace
                WHERE p.relname = 'prediction_log' AND n.nspname = current_schema()""")
                .query(String.class).list().stream()
                .map(name -> LocalDate.parse(name.substring("prediction_log_".length()), SUFFIX)).toList();
    }

    void dropPartition(LocalDate day) {
        partitions.remove(day);
        jdbc.sql("DROP TABLE IF EXISTS " + partitionName(day)).update();
    }

    /**
     * The events of the batch not stored yet, in order: a prediction id already in the log (a redelivery) or seen
     * earlier in the same batch is left out. This is the dedupe; the log's primary key stays as the backstop (a
     * concurrent insert of the same id makes the COPY fail, and the retried batch then finds it here). Ids are random
     * UUIDs, so the id alone identifies a prediction; the time range lets Postgres prune to the batch's partitions.
     */
    List<PredictionRow> unseen(List<PredictionRow> events) {
        Instant first = events.getFirst().at();
        Instant last = first;
        UUID[] ids = new UUID[events.size()];
        for (int i = 0; i < events.size(); i++) {
            Instant at = events.get(i).at();
            first = at.isBefore(first) ? at : first;
            last = at.isAfter(last) ? at : last;
            ids[i] = events.get(i).predictionId();
        }
        // a millisecond either side: Postgres rounds the stored timestamp to microseconds
        Set<UUID> stored = new HashSet<>(jdbc.sql("""
                SELECT prediction_id FROM prediction_log WHERE prediction_id = ANY(?) AND predicted_at BETWEEN ? AND ?""")
                .params(ids, Timestamp.from(first.minusMillis(1)), Timestamp.from(last.plusMillis(1)))
                .query((rs, n) -> rs.getObject(1, UUID.class)).list());
        List<PredictionRow> fresh = new ArrayList<>(events.size());
        for (PredictionRow e : events) {
            if (stored.add(e.predictionId())) {
                fresh.add(e);
            }
        }
        return fresh;
    }

    /**
     * COPYs the rows (text format, pgjdbc's {@code CopyManager}) straight into the log, each with its window:
     * {@code rows[i]} is {@link #copyRow} of an unseen event and {@code windows[i]} its window. Postgres routes the
     * rows to their day partitions. Measured in bench/monitoring, see its README.
     */
    void copy(List<String> rows, UUID[] windows) {
        StringBuilder text = new StringBuilder(rows.size() * (rows.isEmpty() ? 0 : rows.getFirst().length() + 40));
        for (int i = 0; i < rows.size(); i++) {
            text.append(rows.get(i)).append(windows[i]).append('\n');
        }
        Connection connection = DataSourceUtils.getConnection(dataSource);
        try {
            connection.unwrap(PGConnection.class).getCopyAPI().copyIn("""
                    COPY prediction_log (prediction_id, predicted_at, model, version, features, value, label, latency_ms,
                        probabilities, window_id) FROM STDIN""", new StringReader(text.toString()));
        } catch (SQLException | IOException e) {
            throw new IllegalStateException("COPY of " + rows.size() + " predictions failed", e);
        }
    }

    /**
     * One event in COPY's text format up to and including the tab before its window id: tab-separated, \N for null,
     * backslash, tab and line breaks escaped. The features and probabilities are the event's JSON text as it came
     * (whitespace between its tokens may hold tabs and line breaks, hence escaped like any other text).
     */
    static String copyRow(PredictionRow e) {
        StringBuilder out = new StringBuilder(64 + e.featuresJson().length() + (e.probabilitiesJson() == null ? 0 : e.probabilitiesJson().length()) + 128);
        out.append(e.predictionId()).append('\t').append(e.at()).append('\t');
        field(out, e.model().model()).append('\t').append(e.model().version()).append('\t');
        field(out, e.featuresJson()).append('\t');
        (e.value() == null ? out.append("\\N") : out.append(e.value().doubleValue())).append('\t');
        field(out, e.label()).append('\t').append(e.latencyMs()).append('\t');
        field(out, e.probabilitiesJson()).append('\t');
        return out.toString();
    }

    private static StringBuilder field(StringBuilder out, String value) {
        if (value == null) {
            return out.append("\\N");
        }
        int from = 0;
        for (int i = 0; i < value.length(); i++) {
            String escape = switch (value.charAt(i)) {
                case '\\' -> "\\\\";
                case '\t' -> "\\t";
                case '\n' -> "\\n";
                case '\r' -> "\\r";
                default -> null;
            };
            if (escape != null) {
                // runs without special characters are appended whole
                out.append(value, from, i).append(escape);
                from = i + 1;
            }
        }
        return out.append(value, from, value.length());
    }

    double[] latencies(UUID windowId) {
        return jdbc.sql("SELECT latency_ms FROM prediction_log WHERE window_id = ?").param(windowId)
                .query((rs, n) -> rs.getDouble(1)).list().stream().mapToDouble(Double::doubleValue).toArray();
    }

    List<Logged> rows(UUID windowId) {
        TypeReference<Map<String, Object>> mapType = new TypeReference<>() { };
        return jdbc.sql("SELECT features::text, value, label, latency_ms FROM prediction_log WHERE window_id = ?")
                .param(windowId)
                .query((rs, n) -> new Logged(EventJson.mapper().readValue(rs.getString(1), mapType),
                        rs.getObject(2) == null ? null : rs.getDouble(2), rs.getString(3), rs.getDouble(4)))
                .list();
    }
}
