package io.mlops.monitoring.reference;

import io.mlops.domain.data.ColumnSchema;
import io.mlops.domain.data.ColumnType;
import io.mlops.domain.id.DatasetVersionRef;
import io.mlops.domain.id.ModelVersionRef;
import io.mlops.domain.model.Metrics;
import io.mlops.domain.model.Task;
import io.mlops.events.EventJson;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.JsonNode;

/** The {@code reference} table. Plain SQL (JdbcClient): a row per model version, jsonb columns. */
@Repository
class ReferenceRepository {

    private final JdbcClient jdbc;

    ReferenceRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Inserts or replaces the sample part; training metrics and task already known are kept unless given. */
    void saveSample(StoredReference r, Instant now) {
        jdbc.sql("""
                INSERT INTO reference (model, version, source, dataset, dataset_version, task, label_column, columns,
                                       sample_csv, sample_rows, training_metrics, created_at, updated_at)
                VALUES (:model, :version, :source, :dataset, :datasetVersion, :task, :label, :columns::jsonb,
                        :csv, :rows, :metrics::jsonb, :now, :now)
                ON CONFLICT (model, version) DO UPDATE SET
                    source = EXCLUDED.source, dataset = EXCLUDED.dataset, dataset_version = EXCLUDED.dataset_version,
                    task = COALESCE(EXCLUDED.task, reference.task), label_column = EXCLUDED.label_column,
                    columns = EXCLUDED.columns, sample_csv = EXCLUDED.sample_csv, sample_rows = EXCLUDED.sample_rows,
                    training_metrics = CASE WHEN EXCLUDED.training_metrics = '{}'::jsonb THEN reference.training_metrics
                                            ELSE EXCLUDED.training_metrics END,
                    updated_at = EXCLUDED.updated_at""")
                .param("model", r.model().model()).param("version", r.model().version())
                .param("source", r.source())
                .param("dataset", r.dataset() == null ? null : r.dataset().dataset())
                .param("datasetVersion", r.dataset() == null ? null : r.dataset().version())
                .param("task", r.task() == null ? null : r.task().name())
                .param("label", r.labelColumn())
                .param("columns", EventJson.mapper().writeValueAsString(r.columns()))
                .param("csv", r.sampleCsv()).param("rows", r.sampleRows())
                .param("metrics", EventJson.mapper().writeValueAsString(r.metrics().values()))
                .param("now", Timestamp.from(now))
                .update();
    }

    Optional<StoredReference> find(ModelVersionRef model) {
        return jdbc.sql("SELECT * FROM reference WHERE model = ? AND version = ?")
                .params(model.model(), model.version())
                .query(this::map).optional();
    }

    Optional<Instant> updatedAt(ModelVersionRef model) {
        return jdbc.sql("SELECT updated_at FROM reference WHERE model = ? AND version = ?")
                .params(model.model(), model.version())
                .query((rs, n) -> rs.getTimestamp(1).toInstant()).optional();
    }

    List<ModelVersionRef> all() {
        return jdbc.sql("SELECT model, version FROM reference ORDER BY model, version")
                .query((rs, i) -> new ModelVersionRef(rs.getString(1), rs.getInt(2))).list();
    }

    private StoredReference map(ResultSet rs, int row) throws SQLException {
        String dataset = rs.getString("dataset");
        String task = rs.getString("task");
        List<ColumnSchema> columns = new ArrayList<>();
        for (JsonNode c : EventJson.mapper().readTree(rs.getString("columns"))) {
            columns.add(new ColumnSchema(c.path("name").asString(), ColumnType.valueOf(c.path("type").asString()),
                    c.path("nullable").asBoolean(true)));
        }
        Map<String, Double> metrics = EventJson.mapper().readValue(rs.getString("training_metrics"), new TypeReference<>() { });
        return new StoredReference(
                new ModelVersionRef(rs.getString("model"), rs.getInt("version")),
                rs.getString("source"),
                dataset == null ? null : new DatasetVersionRef(dataset, rs.getInt("dataset_version")),
                task == null ? null : Task.valueOf(task),
                rs.getString("label_column"),
                columns,
                rs.getString("sample_csv"),
                rs.getInt("sample_rows"),
                new Metrics(metrics),
                rs.getTimestamp("updated_at").toInstant());
    }
}
