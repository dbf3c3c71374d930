package io.mlops.feature.materialization;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Job state in Postgres; progress updates autocommit so other requests see them while the job runs. */
@Repository
class JobRepository {

    private final JdbcClient jdbc;

    JobRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(UUID id, String featureSet, int version) {
        jdbc.sql("INSERT INTO materialization_job (id, feature_set, version, state, created_at) VALUES (?, ?, ?, 'QUEUED', ?)")
                .params(id, featureSet, version, Timestamp.from(Instant.now())).update();
    }

    /** Marks the job running; false when it already finished (a duplicate submission). */
    boolean start(UUID id, long rowsTotal) {
        return jdbc.sql("""
                UPDATE materialization_job SET state = 'RUNNING', started_at = now(), rows_done = 0, rows_total = ?, error = NULL
                WHERE id = ? AND state IN ('QUEUED', 'RUNNING')""").params(rowsTotal, id).update() == 1;
    }

    void progress(UUID id, long rowsDone) {
        jdbc.sql("UPDATE materialization_job SET rows_done = ? WHERE id = ?").params(rowsDone, id).update();
    }

    void succeeded(UUID id, long rows) {
        jdbc.sql("""
                UPDATE materialization_job SET state = 'SUCCEEDED', rows_done = ?, rows_total = ?, finished_at = now()
                WHERE id = ?""").params(rows, rows, id).update();
    }

    void failed(UUID id, String error) {
        jdbc.sql("UPDATE materialization_job SET state = 'FAILED', error = ?, finished_at = now() WHERE id = ?")
                .params(error, id).update();
    }

    Optional<MaterializationJob> find(UUID id) {
        return jdbc.sql("SELECT * FROM materialization_job WHERE id = ?").param(id).query(JobRepository::job).optional();
    }

    List<MaterializationJob> forVersion(String featureSet, int version) {
        return jdbc.sql("SELECT * FROM materialization_job WHERE feature_set = ? AND version = ? ORDER BY created_at")
                .params(featureSet, version).query(JobRepository::job).list();
    }

    List<UUID> unfinished() {
        return jdbc.sql("SELECT id FROM materialization_job WHERE state IN ('QUEUED', 'RUNNING') ORDER BY created_at")
                .query(UUID.class).list();
    }

    private static MaterializationJob job(ResultSet rs, int row) throws SQLException {
        return new MaterializationJob(rs.getObject("id", UUID.class), rs.getString("feature_set"), rs.getInt("version"),
                MaterializationJob.State.valueOf(rs.getString("state")), rs.getLong("rows_done"), rs.getLong("rows_total"),
                rs.getString("error"), instant(rs.getTimestamp("created_at")), instant(rs.getTimestamp("started_at")),
                instant(rs.getTimestamp("finished_at")));
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
