package io.mlops.monitoring.window;

import io.mlops.domain.id.ModelVersionRef;
import io.mlops.events.EventJson;
import io.mlops.monitoring.drift.ColumnDriftResult;
import io.mlops.monitoring.drift.SkippedColumn;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** {@code monitoring_window} and {@code drift_result}. */
@Repository
class WindowRepository {

    private final JdbcClient jdbc;

    WindowRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    record OpenWindow(UUID id, ModelVersionRef model, int seq, Instant startedAt, long rows) {

        OpenWindow withRows(long rows) {
            return new OpenWindow(id, model, seq, startedAt, rows);
        }
    }

    /** The model version's open window, locked until the transaction ends (the listener and the expiry job both close windows). */
    Optional<OpenWindow> lockOpen(ModelVersionRef model) {
        return jdbc.sql("SELECT id, seq, started_at, rows FROM monitoring_window WHERE model = ? AND version = ? AND status = 'OPEN' FOR UPDATE")
                .params(model.model(), model.version())
                .query((rs, n) -> new OpenWindow(rs.getObject(1, UUID.class), model, rs.getInt(2), rs.getTimestamp(3).toInstant(), rs.getLong(4)))
                .optional();
    }

    /**
     * Opens a window for a model version that had none, or locks the one another consumer thread opened meanwhile
     * (a statement that waited on a lock does not see rows inserted by the transaction it waited for, so the insert
     * may collide with the one-open-window index; it then does nothing and the next read sees the winner's window).
     */
    OpenWindow openOrLock(ModelVersionRef model, Instant startedAt) {
        for (int attempt = 0; attempt < 5; attempt++) {
            int seq = jdbc.sql("SELECT COALESCE(MAX(seq), 0) + 1 FROM monitoring_window WHERE model = ? AND version = ?")
                    .params(model.model(), model.version()).query(Integer.class).single();
            UUID id = UUID.randomUUID();
            int inserted = jdbc.sql("""
                    INSERT INTO monitoring_window (id, model, version, seq, status, started_at, rows) VALUES (?, ?, ?, ?, 'OPEN', ?, 0)
                    ON CONFLICT DO NOTHING""")
                    .params(id, model.model(), model.version(), seq, Timestamp.from(startedAt)).update();
            if (inserted == 1) {
                return new OpenWindow(id, model, seq, startedAt, 0);
            }
            Optional<OpenWindow> theirs = lockOpen(model);
            if (theirs.isPresent()) {
                return theirs.get();
            }
        }
        throw new IllegalStateException("could not open a window for " + model + ": other consumers keep opening and closing them");
    }

    /** Stores a window that {@link Windows#place} opened, with the rows already placed in it. */
    void insertOpen(OpenWindow w) {
        jdbc.sql("INSERT INTO monitoring_window (id, model, version, seq, status, started_at, rows) VALUES (?, ?, ?, ?, 'OPEN', ?, ?)")
                .params(w.id(), w.model().model(), w.model().version(), w.seq(), Timestamp.from(w.startedAt()), w.rows()).update();
    }

    void setRows(UUID id, long rows) {
        jdbc.sql("UPDATE monitoring_window SET rows = ? WHERE id = ?").params(rows, id).update();
    }

    /** Open windows whose time is up. */
    List<ModelVersionRef> expired(Instant startedBefore) {
        return jdbc.sql("SELECT model, version FROM monitoring_window WHERE status = 'OPEN' AND started_at <= ?")
                .param(Timestamp.from(startedBefore))
                .query((rs, n) -> new ModelVersionRef(rs.getString(1), rs.getInt(2))).list();
    }

    /** A window whose rows are complete, waiting to be judged. */
    record ClosingWindow(UUID id, ModelVersionRef model, Instant startedAt, Instant endedAt, long rows) {
    }

    /** Marks the window CLOSING: it takes no more rows; its verdict follows in {@link #judged}. */
    void markClosing(UUID id, String closedBy, Instant endedAt, long rows) {
        jdbc.sql("UPDATE monitoring_window SET status = 'CLOSING', closed_by = ?, ended_at = ?, rows = ? WHERE id = ?")
                .params(closedBy, Timestamp.from(endedAt), rows, id).update();
    }

    /** The window if it is still CLOSING and no one else is judging it, locked until the transaction ends. */
    Optional<ClosingWindow> lockClosing(UUID id) {
        return jdbc.sql("""
                SELECT model, version, started_at, ended_at, rows FROM monitoring_window WHERE id = ? AND status = 'CLOSING'
                FOR UPDATE SKIP LOCKED""")
                .param(id)
                .query((rs, n) -> new ClosingWindow(id, new ModelVersionRef(rs.getString(1), rs.getInt(2)), rs.getTimestamp(3).toInstant(),
                        rs.getTimestamp(4).toInstant(), rs.getLong(5)))
                .optional();
    }

    /** Windows still waiting for their verdict (normally judged right after they close; left over only by a crash). */
    List<UUID> closing() {
        return jdbc.sql("SELECT id FROM monitoring_window WHERE status = 'CLOSING'").query(UUID.class).list();
    }

    void judged(UUID id, WindowVerdict verdict, String note) {
        jdbc.sql("""
                UPDATE monitoring_window SET status = 'CLOSED', drift_share = ?, drift_share_threshold = ?,
                    dataset_drift = ?, prediction_drift = ?, latency_p50_ms = ?, latency_p95_ms = ?, skipped = ?::jsonb, note = ?
                WHERE id = ?""")
                .params(verdict.features() == null ? null : verdict.features().driftShare(),
                        verdict.features() == null ? null : verdict.features().driftShareThreshold(),
                        verdict.features() == null ? null : verdict.features().drifted(),
                        verdict.predictionDrifted(),
                        verdict.latencyP50Ms(), verdict.latencyP95Ms(),
                        EventJson.mapper().writeValueAsString(verdict.features() == null ? List.<SkippedColumn>of() : verdict.features().skipped()),
                        note, id)
                .update();
    }

    void saveColumns(UUID windowId, String kind, List<ColumnDriftResult> columns) {
        for (ColumnDriftResult c : columns) {
            jdbc.sql("""
                    INSERT INTO drift_result (window_id, kind, column_name, method, statistic, p_value, threshold, drifted, psi,
                                              reference_count, current_count)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(windowId, kind, c.column(), c.method().name(), c.statistic(), c.pValue(), c.threshold(),
                            c.drifted(), c.psi(), c.referenceCount(), c.currentCount())
                    .update();
        }
    }
}
