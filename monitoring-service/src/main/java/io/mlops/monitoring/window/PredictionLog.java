package io.mlops.monitoring.window;

import io.mlops.domain.id.ModelVersionRef;
import io.mlops.events.EventJson;
import io.mlops.events.PredictionMade;
import java.io.IOException;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
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

    record Inserted(ModelVersionRef model, double latencyMs) {
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
     * The batch is COPYed (text format) into a per-connection temporary stage, then moved with one
     * {@code INSERT ... SELECT ... ON CONFLICT DO NOTHING RETURNING}: a prediction already stored (a redelivery) is
     * skipped, and RETURNING tells which rows are new, so only those count towards windows. Measured in
     * bench/monitoring (paired runs, same load): 5,407 events/s against 4,576 for the multi-row INSERT with 9 bound
     * parameters per row it replaces (+18%). Must run in a transaction (the stage empties itself on commit).
     */
    List<Inserted> insert(List<PredictionMade> events) {
        Connection connection = DataSourceUtils.getConnection(dataSource);
        jdbc.sql("""
                CREATE TEMP TABLE IF NOT EXISTS prediction_stage (ord int, prediction_id uuid, predicted_at timestamptz, model text,
                    version int, features jsonb, value double precision, label text, latency_ms double precision, probabilities jsonb)
                ON COMMIT DELETE ROWS""").update();
        try {
            connection.unwrap(PGConnection.class).getCopyAPI()
                    .copyIn("COPY prediction_stage FROM STDIN", new StringReader(copyText(events)));
        } catch (SQLException | IOException e) {
            throw new IllegalStateException("COPY of " + events.size() + " predictions failed", e);
        }
        return jdbc.sql("""
                INSERT INTO prediction_log (prediction_id, predicted_at, model, version, features, value, label, latency_ms, probabilities)
                SELECT prediction_id, predicted_at, model, version, features, value, label, latency_ms, probabilities
                FROM prediction_stage ORDER BY ord
                ON CONFLICT DO NOTHING RETURNING model, version, latency_ms""")
                .query((rs, n) -> new Inserted(new ModelVersionRef(rs.getString(1), rs.getInt(2)), rs.getDouble(3))).list();
    }

    /** COPY's text format: tab-separated, \N for null, backslash, tab and line breaks escaped. */
    static String copyText(List<PredictionMade> events) {
        StringBuilder out = new StringBuilder(events.size() * 400);
        for (int i = 0; i < events.size(); i++) {
            PredictionMade e = events.get(i);
            out.append(i).append('\t').append(e.predictionId().value()).append('\t').append(e.at()).append('\t');
            field(out, e.model().model()).append('\t').append(e.model().version()).append('\t');
            field(out, EventJson.mapper().writeValueAsString(e.features() == null ? Map.of() : e.features())).append('\t');
            (e.value() == null ? out.append("\\N") : out.append(e.value().doubleValue())).append('\t');
            field(out, e.label()).append('\t').append(e.latencyMs()).append('\t');
            field(out, e.probabilities() == null || e.probabilities().isEmpty() ? null
                    : EventJson.mapper().writeValueAsString(e.probabilities())).append('\n');
        }
        return out.toString();
    }

    private static StringBuilder field(StringBuilder out, String value) {
        if (value == null) {
            return out.append("\\N");
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '\t' -> out.append("\\t");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                default -> out.append(c);
            }
        }
        return out;
    }

    /** Puts the oldest {@code limit} unassigned rows of the model version into the window (all when limit < 0). */
    int assign(ModelVersionRef model, UUID windowId, int limit) {
        return jdbc.sql("""
                UPDATE prediction_log SET window_id = :window
                WHERE (prediction_id, predicted_at) IN (
                    SELECT prediction_id, predicted_at FROM prediction_log
                    WHERE model = :model AND version = :version AND window_id IS NULL
                    ORDER BY ingest_seq LIMIT :limit)""")
                .param("window", windowId).param("model", model.model()).param("version", model.version())
                .param("limit", limit < 0 ? null : limit)
                .update();
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
