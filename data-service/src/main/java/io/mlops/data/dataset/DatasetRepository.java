package io.mlops.data.dataset;

import io.mlops.data.schema.DeclaredSchema;
import io.mlops.domain.id.DatasetId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The {@code dataset} table through JdbcClient: the rows carry JSONB documents (tags, declared schema) that
 * map to records one to one, and plain SQL keeps the row lock and counter update explicit.
 */
@Repository
class DatasetRepository {

    private static final String COLUMNS = "id, name, description, tags::text, declared_schema::text, validation_policy, created_by, created_at";

    private final JdbcClient jdbc;
    private final JsonMapper json;

    DatasetRepository(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** Inserts unless the name is taken; returns whether it inserted. */
    boolean insert(DatasetRecord d) {
        return jdbc.sql("""
                INSERT INTO dataset (id, name, description, tags, declared_schema, validation_policy, created_by, created_at)
                VALUES (?, ?, ?, ?::jsonb, ?::jsonb, ?, ?, ?) ON CONFLICT (name) DO NOTHING""")
                .params(d.id().value(), d.name(), d.description(), json.writeValueAsString(d.tags()),
                        d.declaredSchema() == null ? null : json.writeValueAsString(d.declaredSchema()),
                        d.validationPolicy().name(), d.createdBy(), Timestamp.from(d.createdAt()))
                .update() == 1;
    }

    Optional<DatasetRecord> findByName(String name) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM dataset WHERE name = ?").param(name).query(this::map).optional();
    }

    List<DatasetRecord> findAll() {
        return jdbc.sql("SELECT " + COLUMNS + " FROM dataset ORDER BY name").query(this::map).list();
    }

    /** Locks the dataset's row until the transaction ends: serializes version changes of one dataset. */
    void lock(DatasetId id) {
        jdbc.sql("SELECT id FROM dataset WHERE id = ? FOR UPDATE").param(id.value()).query(Object.class).single();
    }

    int nextVersion(DatasetId id) {
        return jdbc.sql("UPDATE dataset SET last_version = last_version + 1 WHERE id = ? RETURNING last_version")
                .param(id.value()).query(Integer.class).single();
    }

    private DatasetRecord map(ResultSet rs, int row) throws SQLException {
        String declared = rs.getString(5);
        return new DatasetRecord(new DatasetId(rs.getObject(1, java.util.UUID.class)), rs.getString(2), rs.getString(3),
                json.readValue(rs.getString(4), new TypeReference<List<String>>() { }),
                declared == null ? null : json.readValue(declared, DeclaredSchema.class),
                ValidationPolicy.valueOf(rs.getString(6)), rs.getString(7), rs.getTimestamp(8).toInstant());
    }
}
