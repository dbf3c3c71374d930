package io.mlops.monitoring.window;

import io.mlops.domain.id.ModelVersionRef;
import io.mlops.events.EventJson;
import io.mlops.events.PredictionMade;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;

/** The {@code prediction_log} table, partitioned by UTC day. */
@Repository
class PredictionLog {

    private static final DateTimeFormatter SUFFIX = DateTimeFormatter.BASIC_ISO_DATE;
    private static final int COLUMNS = 9;
    /** Rows per INSERT statement: Postgres allows 65,535 parameters per statement. */
    private static final int ROWS_PER_STATEMENT = 2000;

    private final JdbcClient jdbc;
    private final Set<LocalDate> partitions = ConcurrentHashMap.newKeySet();

    PredictionLog(JdbcClient jdbc) {
        this.jdbc = jdbc;
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
     * One multi-row INSERT per chunk; a prediction already stored (a redelivery) is skipped by ON CONFLICT,
     * and RETURNING tells which rows are new, so only those count towards windows.
     */
    List<Inserted> insert(List<PredictionMade> events) {
        List<Inserted> inserted = new ArrayList<>();
        for (int from = 0; from < events.size(); from += ROWS_PER_STATEMENT) {
            List<PredictionMade> chunk = events.subList(from, Math.min(events.size(), from + ROWS_PER_STATEMENT));
            StringBuilder sql = new StringBuilder(
                    "INSERT INTO prediction_log (prediction_id, predicted_at, model, version, features, value, label, latency_ms, probabilities) VALUES ");
            List<Object> params = new ArrayList<>(chunk.size() * COLUMNS);
            for (int i = 0; i < chunk.size(); i++) {
                PredictionMade e = chunk.get(i);
                sql.append(i == 0 ? "" : ",").append("(?,?,?,?,?::jsonb,?,?,?,?::jsonb)");
                params.add(e.predictionId().value());
                params.add(Timestamp.from(e.at()));
                params.add(e.model().model());
                params.add(e.model().version());
                params.add(EventJson.mapper().writeValueAsString(e.features() == null ? Map.of() : e.features()));
                params.add(e.value());
                params.add(e.label());
                params.add(e.latencyMs());
                params.add(e.probabilities() == null || e.probabilities().isEmpty() ? null
                        : EventJson.mapper().writeValueAsString(e.probabilities()));
            }
            sql.append(" ON CONFLICT DO NOTHING RETURNING model, version, latency_ms");
            inserted.addAll(jdbc.sql(sql.toString()).params(params)
                    .query((rs, n) -> new Inserted(new ModelVersionRef(rs.getString(1), rs.getInt(2)), rs.getDouble(3))).list());
        }
        return inserted;
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
