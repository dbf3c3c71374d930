package io.mlops.model.training;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * SQL for {@code training_jobs} and {@code training_trials}. Every state change of a running job is
 * conditional on the claim's {@link JobLease} ({@code owner} and {@code attempts}) and {@code state = 'RUNNING'}:
 * a run that lost its job (to recovery after a stale heartbeat) can no longer write to it, even when
 * the same instance claimed the job again.
 */
@Repository
class JobRows {

  private static final String SELECT = """
      SELECT id, model_name, state, request::text AS request, owner, attempts, cancel_requested, progress::text AS progress,
             result::text AS result, error, model_version, created_at, started_at, heartbeat_at, finished_at
      FROM training_jobs""";

  private final JdbcClient jdbc;

  JobRows(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  void insert(UUID id, String model, String requestJson) {
    jdbc.sql("INSERT INTO training_jobs (id, model_name, state, request, created_at) VALUES (?, ?, 'QUEUED', ?::jsonb, now())")
        .params(id, model, requestJson).update();
  }

  Optional<JobRow> find(UUID id) {
    return jdbc.sql(SELECT + " WHERE id = ?").param(id).query(JobRows::map).optional();
  }

  /** The oldest QUEUED job, claimed atomically: SKIP LOCKED lets concurrent claimers pass each other. */
  Optional<JobLease> claimNext(String owner) {
    return jdbc.sql("""
        UPDATE training_jobs SET state = 'RUNNING', owner = ?, attempts = attempts + 1, started_at = now(),
            heartbeat_at = now(), progress = NULL
        WHERE id = (SELECT id FROM training_jobs WHERE state = 'QUEUED' ORDER BY created_at
                    FOR UPDATE SKIP LOCKED LIMIT 1)
          AND state = 'QUEUED'
        RETURNING id, attempts""").param(owner)
        .query((rs, n) -> new JobLease(rs.getObject("id", UUID.class), owner, rs.getInt("attempts"))).optional();
  }

  /** Claims this job if it is still QUEUED; at most one caller gets a lease. */
  Optional<JobLease> claim(UUID id, String owner) {
    return jdbc.sql("""
        UPDATE training_jobs SET state = 'RUNNING', owner = ?, attempts = attempts + 1, started_at = now(),
            heartbeat_at = now(), progress = NULL
        WHERE id = ? AND state = 'QUEUED' RETURNING attempts""").params(owner, id)
        .query((rs, n) -> new JobLease(id, owner, rs.getInt("attempts"))).optional();
  }

  /** Writes progress and the heartbeat; empty if the job is no longer this lease's running job. */
  Optional<Boolean> progress(JobLease lease, String progressJson) {
    return jdbc.sql("""
        UPDATE training_jobs SET progress = ?::jsonb, heartbeat_at = now()
        WHERE id = ? AND owner = ? AND attempts = ? AND state = 'RUNNING' RETURNING cancel_requested""")
        .params(progressJson, lease.job(), lease.owner(), lease.attempt()).query(Boolean.class).optional();
  }

  /**
   * Keeps this instance's running jobs alive. Not fenced on the attempt: the instance is alive either
   * way, and a superseded run learns it at its next fenced write (progress or finish).
   */
  int heartbeat(String owner, List<UUID> ids) {
    if (ids.isEmpty()) {
      return 0;
    }
    return jdbc.sql("UPDATE training_jobs SET heartbeat_at = now() WHERE owner = ? AND state = 'RUNNING' AND id = ANY(?)")
        .params(owner, ids.toArray(UUID[]::new)).update();
  }

  /**
   * Ends the lease's RUNNING job; a failed or cancelled job's RUNNING trials become FAILED with it. One
   * statement, so the trials change only if the job did: an instance that lost the job touches neither.
   *
   * @return false if the job is no longer this lease's running job (nothing changed)
   */
  boolean finish(JobLease lease, JobState state, String resultJson, Integer modelVersion, String error) {
    return jdbc.sql("""
        WITH job AS (
          UPDATE training_jobs SET state = ?, result = ?::jsonb, model_version = ?, error = ?, finished_at = now()
          WHERE id = ? AND owner = ? AND attempts = ? AND state = 'RUNNING' RETURNING id),
        trials AS (
          UPDATE training_trials SET state = 'FAILED', finished_at = now()
          WHERE job_id IN (SELECT id FROM job) AND state = 'RUNNING' AND ?)
        SELECT count(*) FROM job""")
        .params(state.name(), resultJson, modelVersion, error, lease.job(), lease.owner(), lease.attempt(),
            state != JobState.SUCCEEDED)
        .query(Long.class).single() == 1;
  }

  /** A job this instance gives back (it is shutting down): another instance may claim it. */
  void requeue(JobLease lease) {
    jdbc.sql("""
        UPDATE training_jobs SET state = 'QUEUED', owner = NULL
        WHERE id = ? AND owner = ? AND attempts = ? AND state = 'RUNNING'""")
        .params(lease.job(), lease.owner(), lease.attempt()).update();
  }

  /** QUEUED → CANCELLED at once; RUNNING gets the flag its runner reads. Empty if the job is finished or absent. */
  Optional<JobState> requestCancel(UUID id) {
    return jdbc.sql("""
        UPDATE training_jobs SET cancel_requested = TRUE,
            state = CASE WHEN state = 'QUEUED' THEN 'CANCELLED' ELSE state END,
            finished_at = CASE WHEN state = 'QUEUED' THEN now() ELSE finished_at END
        WHERE id = ? AND state IN ('QUEUED', 'RUNNING') RETURNING state""")
        .param(id).query(String.class).optional().map(JobState::valueOf);
  }

  /**
   * RUNNING jobs whose heartbeat is older than {@code staleAfter} belonged to an instance that died:
   * re-queued while attempts remain, else FAILED. Returns how many were recovered.
   */
  int recoverStale(Duration staleAfter, int maxAttempts) {
    return jdbc.sql("""
        UPDATE training_jobs SET
            state = CASE WHEN attempts >= ? OR cancel_requested THEN
                      (CASE WHEN cancel_requested THEN 'CANCELLED' ELSE 'FAILED' END) ELSE 'QUEUED' END,
            error = 'instance ' || coalesce(owner, '?') || ' stopped sending heartbeats (attempt ' || attempts || ')',
            finished_at = CASE WHEN attempts >= ? OR cancel_requested THEN now() ELSE NULL END,
            owner = NULL
        WHERE state = 'RUNNING' AND heartbeat_at < ?""")
        .params(maxAttempts, maxAttempts, Timestamp.from(Instant.now().minus(staleAfter))).update();
  }

  void clearTrials(UUID id) {
    jdbc.sql("DELETE FROM training_trials WHERE job_id = ?").param(id).update();
  }

  void trialStarted(UUID id, int trial, String hyperparametersJson, String metric) {
    jdbc.sql("""
        INSERT INTO training_trials (job_id, trial, hyperparameters, state, metric, started_at)
        VALUES (?, ?, ?::jsonb, 'RUNNING', ?, now())""").params(id, trial, hyperparametersJson, metric).update();
  }

  void trialScored(UUID id, int trial, String foldScoresJson, Double mean, boolean finished) {
    jdbc.sql("""
        UPDATE training_trials SET fold_scores = ?::jsonb, mean_score = ?,
            state = CASE WHEN ? THEN 'SUCCEEDED' ELSE state END, finished_at = CASE WHEN ? THEN now() ELSE NULL END
        WHERE job_id = ? AND trial = ?""").params(foldScoresJson, mean, finished, finished, id, trial).update();
  }

  void trialFailed(UUID id, int trial) {
    jdbc.sql("UPDATE training_trials SET state = 'FAILED', finished_at = now() WHERE job_id = ? AND trial = ?")
        .params(id, trial).update();
  }

  List<TrialRow> trials(UUID id) {
    return jdbc.sql("""
        SELECT trial, hyperparameters::text AS hyperparameters, state, metric, fold_scores::text AS fold_scores, mean_score,
               started_at, finished_at
        FROM training_trials WHERE job_id = ? ORDER BY trial""").param(id)
        .query((rs, n) -> new TrialRow(rs.getInt("trial"), rs.getString("hyperparameters"), rs.getString("state"),
            rs.getString("metric"), rs.getString("fold_scores"), (Double) rs.getObject("mean_score"),
            instant(rs, "started_at"), instant(rs, "finished_at")))
        .list();
  }

  private static JobRow map(ResultSet rs, int n) throws SQLException {
    return new JobRow(rs.getObject("id", UUID.class), rs.getString("model_name"), JobState.valueOf(rs.getString("state")),
        rs.getString("request"), rs.getString("owner"), rs.getInt("attempts"), rs.getBoolean("cancel_requested"),
        rs.getString("progress"), rs.getString("result"), rs.getString("error"), (Integer) rs.getObject("model_version"),
        instant(rs, "created_at"), instant(rs, "started_at"), instant(rs, "heartbeat_at"), instant(rs, "finished_at"));
  }

  private static Instant instant(ResultSet rs, String column) throws SQLException {
    Timestamp t = rs.getTimestamp(column);
    return t == null ? null : t.toInstant();
  }
}
