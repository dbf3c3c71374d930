package io.mlops.model.registry;

import io.mlops.domain.id.ModelId;
import io.mlops.domain.model.Task;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for {@code model_versions}. */
@Repository
class VersionRows {

  private static final String SELECT = """
      SELECT v.model_id, m.name, v.version, v.task, v.kind, v.artifact_sha256, v.artifact_bytes, v.metrics::text AS metrics,
             v.hyperparameters::text AS hyperparameters, v.lineage::text AS lineage, v.signature::text AS signature,
             v.tags::text AS tags, v.description, v.source, v.source_sha256, v.created_by, v.created_at,
             ARRAY(SELECT a.alias FROM model_aliases a WHERE a.model_id = v.model_id AND a.version = v.version
                   ORDER BY a.alias) AS aliases
      FROM model_versions v JOIN models m ON m.id = v.model_id""";

  private final JdbcClient jdbc;

  VersionRows(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** The next number; call with the model row locked. */
  int next(ModelId model) {
    return jdbc.sql("SELECT coalesce(max(version), 0) + 1 FROM model_versions WHERE model_id = ?")
        .param(model.value()).query(Integer.class).single();
  }

  void insert(ModelVersionView v) {
    jdbc.sql("""
        INSERT INTO model_versions (model_id, version, task, kind, artifact_sha256, artifact_bytes, metrics, hyperparameters,
            lineage, signature, tags, description, source, source_sha256, created_by, created_at)
        VALUES (?, ?, ?, ?, ?, ?, ?::jsonb, ?::jsonb, ?::jsonb, ?::jsonb, ?::jsonb, ?, ?, ?, ?, ?)""")
        .params(v.modelId().value(), v.version(), v.task().name(), v.kind(), v.artifactSha256(), v.artifactBytes(),
            JsonColumns.write(v.metrics()), JsonColumns.write(v.hyperparameters()), JsonColumns.write(v.lineage()),
            JsonColumns.write(v.signature()), JsonColumns.write(v.tags()), v.description(), v.source().wireName(),
            v.sourceSha256(), v.createdBy(), Timestamp.from(v.createdAt()))
        .update();
  }

  /** Whether any committed version (of any model) points at this artifact blob. */
  boolean referencesArtifact(String sha256) {
    return jdbc.sql("SELECT EXISTS (SELECT 1 FROM model_versions WHERE artifact_sha256 = ?)")
        .param(sha256).query(Boolean.class).single();
  }

  Optional<ModelVersionView> find(String model, int version) {
    return jdbc.sql(SELECT + " WHERE m.name = ? AND v.version = ?").params(model, version)
        .query(VersionRows::map).optional();
  }

  List<ModelVersionView> list(String model) {
    return jdbc.sql(SELECT + " WHERE m.name = ? ORDER BY v.version").param(model).query(VersionRows::map).list();
  }

  Optional<Integer> latest(ModelId model) {
    // max() of no rows is one NULL row, which query(Integer.class).single() refuses
    return Optional.ofNullable(jdbc.sql("SELECT max(version) FROM model_versions WHERE model_id = ?")
        .param(model.value()).query((rs, n) -> rs.getObject(1, Integer.class)).list().getFirst());
  }

  void update(ModelId model, int version, String description, Map<String, String> tags) {
    jdbc.sql("UPDATE model_versions SET description = ?, tags = ?::jsonb WHERE model_id = ? AND version = ?")
        .params(description, JsonColumns.write(tags), model.value(), version)
        .update();
  }

  private static ModelVersionView map(ResultSet rs, int rowNum) throws SQLException {
    return new ModelVersionView(
        new ModelId(rs.getObject("model_id", UUID.class)),
        rs.getString("name"),
        rs.getInt("version"),
        Task.valueOf(rs.getString("task")),
        rs.getString("kind"),
        rs.getString("artifact_sha256"),
        rs.getLong("artifact_bytes"),
        JsonColumns.doubles(rs.getString("metrics")),
        JsonColumns.objects(rs.getString("hyperparameters")),
        JsonColumns.lineage(rs.getString("lineage")),
        JsonColumns.signature(rs.getString("signature")),
        JsonColumns.strings(rs.getString("tags")),
        rs.getString("description"),
        ModelSource.ofWireName(rs.getString("source")),
        rs.getString("source_sha256"),
        rs.getString("created_by"),
        rs.getTimestamp("created_at").toInstant(),
        List.of((String[]) rs.getArray("aliases").getArray()));
  }
}
