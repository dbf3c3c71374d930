package io.mlops.model.retraining;

import io.mlops.domain.id.ModelId;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for {@code retraining_policies}. */
@Repository
class PolicyRows {

  private static final String SELECT = """
      SELECT m.name, p.enabled, p.alias, p.triggers, p.min_improvement, p.cooldown_seconds, p.updated_by, p.updated_at
      FROM retraining_policies p JOIN models m ON m.id = p.model_id""";

  private final JdbcClient jdbc;

  PolicyRows(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  void upsert(ModelId model, RetrainingPolicy p) {
    jdbc.sql("""
        INSERT INTO retraining_policies (model_id, enabled, alias, triggers, min_improvement, cooldown_seconds, updated_by,
            updated_at) VALUES (?, ?, ?, ?::text[], ?, ?, ?, ?)
        ON CONFLICT (model_id) DO UPDATE SET enabled = EXCLUDED.enabled, alias = EXCLUDED.alias,
            triggers = EXCLUDED.triggers, min_improvement = EXCLUDED.min_improvement,
            cooldown_seconds = EXCLUDED.cooldown_seconds, updated_by = EXCLUDED.updated_by, updated_at = EXCLUDED.updated_at""")
        .params(model.value(), p.enabled(), p.alias(),
            p.triggers().stream().map(Trigger::wireName).sorted().collect(Collectors.joining(",", "{", "}")),
            p.minImprovement(), p.cooldown().toSeconds(), p.updatedBy(), Timestamp.from(p.updatedAt()))
        .update();
  }

  Optional<RetrainingPolicy> find(String model) {
    return jdbc.sql(SELECT + " WHERE m.name = ?").param(model).query(PolicyRows::map).optional();
  }

  /** The policy with its row locked until the transaction ends: one model's triggers are decided one at a time. */
  Optional<RetrainingPolicy> lock(String model) {
    return jdbc.sql(SELECT + " WHERE m.name = ? FOR UPDATE OF p").param(model).query(PolicyRows::map).optional();
  }

  private static RetrainingPolicy map(ResultSet rs, int n) throws SQLException {
    Array triggers = rs.getArray("triggers");
    return new RetrainingPolicy(rs.getString("name"), rs.getBoolean("enabled"), rs.getString("alias"),
        Arrays.stream((String[]) triggers.getArray()).map(t -> Trigger.ofWireName(t).orElseThrow())
            .collect(Collectors.toSet()),
        rs.getDouble("min_improvement"), Duration.ofSeconds(rs.getLong("cooldown_seconds")), rs.getString("updated_by"),
        rs.getTimestamp("updated_at").toInstant());
  }
}
