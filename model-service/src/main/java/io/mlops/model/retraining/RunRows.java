package io.mlops.model.retraining;

import io.mlops.domain.id.ModelId;
import io.mlops.events.EventJson;
import io.mlops.model.retraining.RetrainingRun.Decision;
import io.mlops.model.retraining.RetrainingRun.State;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;

/** SQL for {@code retraining_runs}. */
@Repository
class RunRows {

  private static final String SELECT = """
      SELECT r.id, m.name, r.alias, r.trigger_type, r.trigger_event_id, r.trigger_detail::text AS trigger_detail,
             r.champion_version, r.challenger_version, r.training_job_id, r.feature_set, r.feature_set_version, r.metric,
             r.champion_score, r.challenger_score, r.state, r.decision, r.reason, r.created_at, r.finished_at
      FROM retraining_runs r JOIN models m ON m.id = r.model_id""";

  private final JdbcClient jdbc;

  RunRows(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** A run that starts TRAINING ({@code decision} null) or is FINISHED at once (skipped, failed to start). */
  void insert(UUID id, ModelId model, String alias, TriggerEvent trigger, int champion, UUID job, String featureSet,
      Integer featureSetVersion, Decision decision, String reason, Instant at) {
    jdbc.sql("""
        INSERT INTO retraining_runs (id, model_id, alias, trigger_type, trigger_event_id, trigger_detail, champion_version,
            training_job_id, feature_set, feature_set_version, state, decision, reason, created_at, finished_at)
        VALUES (?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
        .params(id, model.value(), alias, trigger.trigger().eventType(), trigger.eventId(),
            EventJson.mapper().writeValueAsString(trigger.detail()), champion, job, featureSet, featureSetVersion,
            (decision == null ? State.TRAINING : State.FINISHED).name(), decision == null ? null : decision.name(), reason,
            Timestamp.from(at), decision == null ? null : Timestamp.from(at))
        .update();
  }

  /** Newest first. */
  List<RetrainingRun> list(String model) {
    return jdbc.sql(SELECT + " WHERE m.name = ? ORDER BY r.created_at DESC, r.id").param(model).query(RunRows::map).list();
  }

  Optional<RetrainingRun> open(ModelId model, String alias) {
    return jdbc.sql(SELECT + " WHERE r.model_id = ? AND r.alias = ? AND r.state = 'TRAINING'")
        .params(model.value(), alias).query(RunRows::map).optional();
  }

  /** When the model's last run on this alias that started a job finished (skips and failed starts do not count). */
  Optional<Instant> lastFinished(ModelId model, String alias) {
    return jdbc.sql("""
        SELECT max(finished_at) FROM retraining_runs
        WHERE model_id = ? AND alias = ? AND state = 'FINISHED' AND training_job_id IS NOT NULL""")
        .params(model.value(), alias).query((rs, n) -> rs.getTimestamp(1)).list().stream()
        .filter(java.util.Objects::nonNull).map(Timestamp::toInstant).findFirst();
  }

  /** Ids of open runs; the gate locks each before deciding. */
  List<UUID> openIds() {
    return jdbc.sql("SELECT id FROM retraining_runs WHERE state = 'TRAINING' ORDER BY created_at").query(UUID.class).list();
  }

  /** The run if it is still TRAINING and no other instance is deciding it right now (row locked until commit). */
  Optional<RetrainingRun> lockOpen(UUID id) {
    return jdbc.sql(SELECT + " WHERE r.id = ? AND r.state = 'TRAINING' FOR UPDATE OF r SKIP LOCKED").param(id)
        .query(RunRows::map).optional();
  }

  void finish(UUID id, Integer challenger, String metric, Double championScore, Double challengerScore, Decision decision,
      String reason) {
    jdbc.sql("""
        UPDATE retraining_runs SET challenger_version = ?, metric = ?, champion_score = ?, challenger_score = ?,
            state = 'FINISHED', decision = ?, reason = ?, finished_at = now()
        WHERE id = ? AND state = 'TRAINING'""")
        .params(challenger, metric, championScore, challengerScore, decision.name(), reason, id).update();
  }

  private static RetrainingRun map(ResultSet rs, int n) throws SQLException {
    Timestamp finished = rs.getTimestamp("finished_at");
    String decision = rs.getString("decision");
    return new RetrainingRun(rs.getObject("id", UUID.class), rs.getString("name"), rs.getString("alias"),
        new RetrainingRun.TriggerView(rs.getString("trigger_type"), rs.getObject("trigger_event_id", UUID.class),
            EventJson.mapper().readValue(rs.getString("trigger_detail"), new TypeReference<Map<String, Object>>() {})),
        rs.getInt("champion_version"), rs.getObject("challenger_version", Integer.class),
        rs.getObject("training_job_id", UUID.class), rs.getString("feature_set"),
        rs.getObject("feature_set_version", Integer.class), rs.getString("metric"),
        rs.getObject("champion_score", Double.class), rs.getObject("challenger_score", Double.class),
        State.valueOf(rs.getString("state")), decision == null ? null : Decision.valueOf(decision), rs.getString("reason"),
        rs.getTimestamp("created_at").toInstant(), finished == null ? null : finished.toInstant());
  }
}
