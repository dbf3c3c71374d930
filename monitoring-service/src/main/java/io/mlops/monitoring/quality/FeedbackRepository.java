package io.mlops.monitoring.quality;

import io.mlops.domain.id.ModelVersionRef;
import io.mlops.events.EventJson;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;

/** {@code feedback}, the prediction log's side of the join, and {@code quality_result}. */
@Repository
class FeedbackRepository {

    private static final TypeReference<Map<String, Double>> PROBABILITIES = new TypeReference<>() { };

    private final JdbcClient jdbc;

    FeedbackRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    record StoredPrediction(UUID id, ModelVersionRef model, Double value, String label, UUID windowId) {
    }

    /** {@code probabilities} is null when the prediction carried none. */
    record Labelled(Double value, String label, Double actualValue, String actualLabel, Map<String, Double> probabilities) {
    }

    record WindowInfo(ModelVersionRef model, Instant start, Instant end, long rows, boolean closed) {
    }

    List<StoredPrediction> predictions(List<UUID> ids) {
        return jdbc.sql("SELECT prediction_id, model, version, value, label, window_id FROM prediction_log WHERE prediction_id = ANY(?)")
                .param(ids.toArray(UUID[]::new))
                .query((rs, n) -> new StoredPrediction(rs.getObject(1, UUID.class), new ModelVersionRef(rs.getString(2), rs.getInt(3)),
                        rs.getObject(4) == null ? null : rs.getDouble(4), rs.getString(5), rs.getObject(6, UUID.class)))
                .list();
    }

    void save(StoredPrediction p, Double actualValue, String actualLabel, Instant now) {
        jdbc.sql("""
                INSERT INTO feedback (prediction_id, model, version, actual_value, actual_label, received_at) VALUES (?, ?, ?, ?, ?, ?)
                ON CONFLICT (prediction_id) DO UPDATE SET actual_value = EXCLUDED.actual_value, actual_label = EXCLUDED.actual_label,
                    received_at = EXCLUDED.received_at""")
                .params(p.id(), p.model().model(), p.model().version(), actualValue, actualLabel, Timestamp.from(now))
                .update();
    }

    List<Labelled> labelled(UUID windowId) {
        return jdbc.sql("""
                SELECT p.value, p.label, f.actual_value, f.actual_label, p.probabilities::text
                FROM prediction_log p JOIN feedback f ON f.prediction_id = p.prediction_id
                WHERE p.window_id = ?""")
                .param(windowId)
                .query((rs, n) -> new Labelled(rs.getObject(1) == null ? null : rs.getDouble(1), rs.getString(2),
                        rs.getObject(3) == null ? null : rs.getDouble(3), rs.getString(4),
                        rs.getString(5) == null ? null : EventJson.mapper().readValue(rs.getString(5), PROBABILITIES)))
                .list();
    }

    /**
     * Locks the windows FOR SHARE until the transaction ends, so that feedback and the judging of its window (which
     * holds the window FOR UPDATE) take turns: whichever comes second sees the other's work. In the order the intake
     * locks open windows (model, then version), so the two never wait for each other in a cycle.
     */
    void lockWindows(Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return;
        }
        jdbc.sql("SELECT id FROM monitoring_window WHERE id = ANY(?) ORDER BY model COLLATE \"C\", version, id FOR SHARE")
                .param(ids.toArray(UUID[]::new))
                .query(UUID.class).list();
    }

    WindowInfo window(UUID windowId) {
        return jdbc.sql("SELECT model, version, started_at, ended_at, rows, status FROM monitoring_window WHERE id = ?")
                .param(windowId)
                .query((rs, n) -> new WindowInfo(new ModelVersionRef(rs.getString(1), rs.getInt(2)), rs.getTimestamp(3).toInstant(),
                        rs.getTimestamp(4) == null ? null : rs.getTimestamp(4).toInstant(), rs.getLong(5), "CLOSED".equals(rs.getString(6))))
                .single();
    }

    void saveQuality(UUID windowId, String metric, double value, Double training, long labelled, boolean degraded, Instant now) {
        jdbc.sql("""
                INSERT INTO quality_result (window_id, metric, value, training_value, labelled_rows, degraded, computed_at)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (window_id, metric) DO UPDATE SET value = EXCLUDED.value, training_value = EXCLUDED.training_value,
                    labelled_rows = EXCLUDED.labelled_rows, degraded = EXCLUDED.degraded, computed_at = EXCLUDED.computed_at""")
                .params(windowId, metric, value, training, labelled, degraded, Timestamp.from(now))
                .update();
    }
}
