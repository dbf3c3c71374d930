package io.mlops.model.registry;

import io.mlops.domain.id.ModelId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for {@code models}. Plain JDBC: the rows are JSONB-heavy and the search is a dynamic query. */
@Repository
class ModelRows {

  private static final String COLUMNS = "m.id, m.name, m.description, m.tags::text AS tags, m.created_at, m.updated_at";

  private final JdbcClient jdbc;

  ModelRows(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** @return false if the name is taken */
  boolean insert(ModelRow row) {
    return jdbc.sql("""
        INSERT INTO models (id, name, description, tags, created_at, updated_at)
        VALUES (?, ?, ?, ?::jsonb, ?, ?) ON CONFLICT (name) DO NOTHING""")
        .params(row.id().value(), row.name(), row.description(), JsonColumns.write(row.tags()),
            Timestamp.from(row.createdAt()), Timestamp.from(row.updatedAt()))
        .update() == 1;
  }

  Optional<ModelRow> find(String name) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM models m WHERE m.name = ?").param(name).query(ModelRows::map).optional();
  }

  /** Locks the model row until the transaction ends: version numbers and alias moves are serialized per model. */
  Optional<ModelRow> lock(String name) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM models m WHERE m.name = ? FOR UPDATE").param(name)
        .query(ModelRows::map).optional();
  }

  void update(ModelId id, String description, Map<String, String> tags, Instant at) {
    jdbc.sql("UPDATE models SET description = ?, tags = ?::jsonb, updated_at = ? WHERE id = ?")
        .params(description, JsonColumns.write(tags), Timestamp.from(at), id.value())
        .update();
  }

  void touch(ModelId id, Instant at) {
    jdbc.sql("UPDATE models SET updated_at = ? WHERE id = ?").params(Timestamp.from(at), id.value()).update();
  }

  /** Models matching every given criterion, by name; with a metric, also the versions that matched. */
  List<Match> search(ModelSearch search) {
    List<Object> params = new ArrayList<>();
    StringBuilder metricCondition = new StringBuilder();
    if (search.metric() != null) {
      metricCondition.append(" AND v.metrics ->> ? IS NOT NULL");
      params.add(search.metric());
      if (search.min() != null) {
        metricCondition.append(" AND (v.metrics ->> ?)::float8 >= ?");
        params.add(search.metric());
        params.add(search.min());
      }
      if (search.max() != null) {
        metricCondition.append(" AND (v.metrics ->> ?)::float8 <= ?");
        params.add(search.metric());
        params.add(search.max());
      }
    }
    String versionsOf = "SELECT v.version FROM model_versions v WHERE v.model_id = m.id" + metricCondition;
    StringBuilder sql = new StringBuilder("SELECT " + COLUMNS);
    List<Object> all = new ArrayList<>();
    if (search.metric() != null) {
      sql.append(", ARRAY(").append(versionsOf).append(" ORDER BY v.version) AS matching");
      all.addAll(params);
    }
    sql.append(" FROM models m WHERE TRUE");
    if (search.nameContains() != null) {
      sql.append(" AND strpos(lower(m.name), lower(?)) > 0");
      all.add(search.nameContains());
    }
    if (search.tagKey() != null) {
      String tagMatch = search.tagValue() == null ? "tags ->> ? IS NOT NULL" : "tags ->> ? = ?";
      sql.append(" AND (m.").append(tagMatch)
          .append(" OR EXISTS (SELECT 1 FROM model_versions tv WHERE tv.model_id = m.id AND tv.").append(tagMatch).append("))");
      for (int i = 0; i < 2; i++) {
        all.add(search.tagKey());
        if (search.tagValue() != null) {
          all.add(search.tagValue());
        }
      }
    }
    if (search.metric() != null) {
      sql.append(" AND EXISTS (").append(versionsOf).append(")");
      all.addAll(params);
    }
    sql.append(" ORDER BY m.name");
    return jdbc.sql(sql.toString()).params(all).query((rs, n) -> new Match(map(rs, n),
        search.metric() == null ? null : Arrays.asList((Integer[]) rs.getArray("matching").getArray()))).list();
  }

  long count() {
    return jdbc.sql("SELECT count(*) FROM models").query(Long.class).single();
  }

  record Match(ModelRow row, List<Integer> matchingVersions) {}

  private static ModelRow map(ResultSet rs, int rowNum) throws SQLException {
    return new ModelRow(new ModelId(rs.getObject("id", UUID.class)), rs.getString("name"), rs.getString("description"),
        JsonColumns.strings(rs.getString("tags")), rs.getTimestamp("created_at").toInstant(),
        rs.getTimestamp("updated_at").toInstant());
  }
}
