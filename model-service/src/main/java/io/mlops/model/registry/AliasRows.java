package io.mlops.model.registry;

import io.mlops.domain.id.ModelId;
import io.mlops.domain.model.AliasChange;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for {@code model_aliases} and the append-only {@code model_alias_history}. */
@Repository
class AliasRows {

  private final JdbcClient jdbc;

  AliasRows(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  Optional<AliasView> find(String model, String alias) {
    return jdbc.sql("""
        SELECT m.name, a.alias, a.version, v.artifact_sha256, a.updated_by, a.updated_at
        FROM model_aliases a JOIN models m ON m.id = a.model_id
        JOIN model_versions v ON v.model_id = a.model_id AND v.version = a.version
        WHERE m.name = ? AND a.alias = ?""")
        .params(model, alias)
        .query((rs, n) -> new AliasView(rs.getString(1), rs.getString(2), rs.getInt(3), rs.getString(4), rs.getString(5),
            rs.getTimestamp(6).toInstant()))
        .optional();
  }

  Map<String, Integer> of(ModelId model) {
    Map<String, Integer> aliases = new LinkedHashMap<>();
    jdbc.sql("SELECT alias, version FROM model_aliases WHERE model_id = ? ORDER BY alias").param(model.value())
        .query(rs -> {
          aliases.put(rs.getString(1), rs.getInt(2));
        });
    return aliases;
  }

  void upsert(ModelId model, String alias, int version, String actor, Instant at) {
    jdbc.sql("""
        INSERT INTO model_aliases (model_id, alias, version, updated_by, updated_at) VALUES (?, ?, ?, ?, ?)
        ON CONFLICT (model_id, alias) DO UPDATE SET version = EXCLUDED.version, updated_by = EXCLUDED.updated_by,
            updated_at = EXCLUDED.updated_at""")
        .params(model.value(), alias, version, actor, Timestamp.from(at))
        .update();
  }

  void delete(ModelId model, String alias) {
    jdbc.sql("DELETE FROM model_aliases WHERE model_id = ? AND alias = ?").params(model.value(), alias).update();
  }

  void record(ModelId model, AliasChange change) {
    jdbc.sql("""
        INSERT INTO model_alias_history (model_id, alias, from_version, to_version, actor, reason, changed_at, action)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
        .params(model.value(), change.alias(), change.fromVersion(), change.toVersion(), change.actor(), change.reason(),
            Timestamp.from(change.at()), change.action().name())
        .update();
  }

  /** Oldest first. */
  List<AliasChange> history(String model, String alias) {
    return jdbc.sql("""
        SELECT m.name, h.alias, h.from_version, h.to_version, h.actor, h.reason, h.changed_at, h.action
        FROM model_alias_history h JOIN models m ON m.id = h.model_id
        WHERE m.name = ? AND h.alias = ? ORDER BY h.id""")
        .params(model, alias)
        .query((rs, n) -> new AliasChange(rs.getString(1), rs.getString(2), rs.getObject(3, Integer.class),
            rs.getObject(4, Integer.class), rs.getString(5), rs.getString(6), rs.getTimestamp(7).toInstant(),
            AliasChange.Action.valueOf(rs.getString(8))))
        .list();
  }
}
