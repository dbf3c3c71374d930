package io.mlops.monitoring.api;

import io.mlops.domain.id.ModelVersionRef;
import io.mlops.events.EventJson;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;

/** Reads the stored verdicts for reports (a read model over the window, drift and quality tables). */
@Repository
class ReportQueries {

    private final JdbcClient jdbc;

    ReportQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The latest {@code limit} windows, oldest first. */
    List<Reports.DriftWindow> driftWindows(ModelVersionRef model, int limit) {
        List<Reports.DriftWindow> windows = jdbc.sql("""
                SELECT * FROM (SELECT * FROM monitoring_window WHERE model = ? AND version = ? ORDER BY seq DESC LIMIT ?) w ORDER BY seq""")
                .params(model.model(), model.version(), limit)
                .query(this::window).list();
        if (windows.isEmpty()) {
            return windows;
        }
        Map<UUID, List<Reports.ColumnReport>> columns = new LinkedHashMap<>();
        jdbc.sql("SELECT * FROM drift_result WHERE window_id = ANY(?) ORDER BY kind, column_name")
                .param(windows.stream().map(Reports.DriftWindow::id).toArray(UUID[]::new))
                .query(rs -> {
                    columns.computeIfAbsent(rs.getObject("window_id", UUID.class), k -> new ArrayList<>()).add(new Reports.ColumnReport(
                            rs.getString("kind"), rs.getString("column_name"), rs.getString("method"), rs.getDouble("statistic"),
                            rs.getObject("p_value") == null ? null : rs.getDouble("p_value"), rs.getDouble("threshold"),
                            rs.getBoolean("drifted"), rs.getDouble("psi"), rs.getInt("reference_count"), rs.getInt("current_count")));
                });
        return windows.stream().map(w -> new Reports.DriftWindow(w.id(), w.seq(), w.status(), w.closedBy(), w.start(), w.end(), w.rows(),
                w.driftShare(), w.driftShareThreshold(), w.datasetDrift(), w.predictionDrift(), w.latencyP50Ms(), w.latencyP95Ms(), w.skipped(), w.note(),
                columns.getOrDefault(w.id(), List.of()))).toList();
    }

    List<Reports.QualityWindow> qualityWindows(ModelVersionRef model, int limit) {
        Map<UUID, Reports.QualityWindow> windows = new LinkedHashMap<>();
        jdbc.sql("""
                SELECT w.id, w.seq, w.started_at, w.ended_at, q.metric, q.value, q.training_value, q.labelled_rows, q.degraded
                FROM (SELECT * FROM monitoring_window WHERE model = ? AND version = ? ORDER BY seq DESC LIMIT ?) w
                JOIN quality_result q ON q.window_id = w.id ORDER BY w.seq, q.metric""")
                .params(model.model(), model.version(), limit)
                .query(rs -> {
                    UUID id = rs.getObject(1, UUID.class);
                    windows.computeIfAbsent(id, k -> {
                        try {
                            return new Reports.QualityWindow(id, rs.getInt(2), instant(rs, 3), instant(rs, 4), new ArrayList<>());
                        } catch (SQLException e) {
                            throw new IllegalStateException(e);
                        }
                    }).metrics().add(new Reports.MetricReport(rs.getString(5), rs.getDouble(6),
                            rs.getObject(7) == null ? null : rs.getDouble(7), rs.getLong(8), rs.getBoolean(9)));
                });
        return List.copyOf(windows.values());
    }

    List<Reports.MonitoredVersion> monitored() {
        return jdbc.sql("""
                SELECT r.model, r.version, (SELECT count(*) FROM monitoring_window w WHERE w.model = r.model AND w.version = r.version)
                FROM reference r ORDER BY r.model, r.version""")
                .query((rs, n) -> new Reports.MonitoredVersion(rs.getString(1), rs.getInt(2), rs.getLong(3))).list();
    }

    private Reports.DriftWindow window(ResultSet rs, int n) throws SQLException {
        List<Map<String, Object>> skipped = EventJson.mapper().readValue(rs.getString("skipped"), new TypeReference<>() { });
        return new Reports.DriftWindow(rs.getObject("id", UUID.class), rs.getInt("seq"), rs.getString("status"), rs.getString("closed_by"),
                instant(rs, "started_at"), instant(rs, "ended_at"), rs.getLong("rows"), nullableDouble(rs, "drift_share"), nullableDouble(rs, "drift_share_threshold"),
                (Boolean) rs.getObject("dataset_drift"), (Boolean) rs.getObject("prediction_drift"),
                nullableDouble(rs, "latency_p50_ms"), nullableDouble(rs, "latency_p95_ms"), skipped, rs.getString("note"), List.of());
    }

    private static Double nullableDouble(ResultSet rs, String column) throws SQLException {
        double v = rs.getDouble(column);
        return rs.wasNull() ? null : v;
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        var t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        var t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}
