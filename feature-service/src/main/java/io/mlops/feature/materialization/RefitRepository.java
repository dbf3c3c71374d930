package io.mlops.feature.materialization;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Refit requests (see {@link Refitter}) in Postgres. */
@Repository
class RefitRepository {

    record Refit(UUID id, String featureSet, int datasetVersion) {
    }

    private final JdbcClient jdbc;

    RefitRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(UUID id, UUID eventId, String featureSet, int datasetVersion) {
        jdbc.sql("""
                INSERT INTO refit_request (id, event_id, feature_set, dataset_version, state, created_at)
                VALUES (?, ?, ?, ?, 'QUEUED', ?)""")
                .params(id, eventId, featureSet, datasetVersion, Timestamp.from(Instant.now())).update();
    }

    Optional<Refit> queued(UUID id) {
        return jdbc.sql("SELECT id, feature_set, dataset_version FROM refit_request WHERE id = ? AND state = 'QUEUED'")
                .param(id).query((rs, n) -> new Refit(rs.getObject(1, UUID.class), rs.getString(2), rs.getInt(3))).optional();
    }

    /** False when another run already finished it. */
    boolean done(UUID id, int version) {
        return jdbc.sql("UPDATE refit_request SET state = 'DONE', version = ?, finished_at = now() WHERE id = ? AND state = 'QUEUED'")
                .params(version, id).update() == 1;
    }

    void failed(UUID id, String error) {
        jdbc.sql("UPDATE refit_request SET state = 'FAILED', error = ?, finished_at = now() WHERE id = ? AND state = 'QUEUED'")
                .params(error, id).update();
    }

    /** Keeps it QUEUED for another attempt, with the error that stopped this one. */
    void retrying(UUID id, String error) {
        jdbc.sql("UPDATE refit_request SET error = ? WHERE id = ? AND state = 'QUEUED'").params(error, id).update();
    }

    /** Whether a refit of {@code featureSet} on {@code datasetVersion} is queued or done already. */
    boolean requested(String featureSet, int datasetVersion) {
        return jdbc.sql("SELECT count(*) FROM refit_request WHERE feature_set = ? AND dataset_version = ? AND state <> 'FAILED'")
                .params(featureSet, datasetVersion).query(Long.class).single() > 0;
    }

    List<UUID> unfinished() {
        return jdbc.sql("SELECT id FROM refit_request WHERE state = 'QUEUED' ORDER BY created_at").query(UUID.class).list();
    }
}
