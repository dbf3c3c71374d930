package io.mlops.data.version;

import io.mlops.data.schema.ValidationReport;
import io.mlops.domain.data.DataFormat;
import io.mlops.domain.data.DatasetProfile;
import io.mlops.domain.data.DatasetSchema;
import io.mlops.domain.id.DatasetId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

/**
 * The {@code dataset_version} table. Schema, profile and validation report are stored as JSONB documents
 * written by Jackson from the records the ingestion core returns, and read back into the same records.
 */
@Repository
class VersionRepository {

    private static final String SELECT = """
            SELECT v.dataset_id, d.name, v.version, v.format, v.row_count, v.byte_size, v.sha256, v.data_schema::text,
                   v.profile::text, v.validation::text, v.sample_sha256, v.original_file_name, v.created_by, v.created_at
            FROM dataset_version v JOIN dataset d ON d.id = v.dataset_id""";

    private final JdbcClient jdbc;
    private final JsonMapper json;

    VersionRepository(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    void insert(VersionRecord v) {
        jdbc.sql("""
                INSERT INTO dataset_version (dataset_id, version, format, row_count, byte_size, sha256, data_schema, profile,
                    validation, sample_sha256, original_file_name, created_by, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?::jsonb, ?::jsonb, ?::jsonb, ?, ?, ?, ?)""")
                .params(v.datasetId().value(), v.version(), v.format().name(), v.rowCount(), v.byteSize(), v.sha256(),
                        json.writeValueAsString(v.schema()), json.writeValueAsString(v.profile()),
                        v.validation() == null ? null : json.writeValueAsString(v.validation()), v.sampleSha256(),
                        v.originalFileName(), v.createdBy(), Timestamp.from(v.createdAt()))
                .update();
    }

    Optional<VersionRecord> find(DatasetId dataset, int version) {
        return jdbc.sql(SELECT + " WHERE v.dataset_id = ? AND v.version = ?").params(dataset.value(), version)
                .query(this::map).optional();
    }

    Optional<VersionRecord> findLatest(DatasetId dataset) {
        return jdbc.sql(SELECT + " WHERE v.dataset_id = ? ORDER BY v.version DESC LIMIT 1").param(dataset.value())
                .query(this::map).optional();
    }

    Optional<VersionRecord> findBySha256(DatasetId dataset, String sha256) {
        return jdbc.sql(SELECT + " WHERE v.dataset_id = ? AND v.sha256 = ?").params(dataset.value(), sha256)
                .query(this::map).optional();
    }

    List<VersionRecord> findAll(DatasetId dataset) {
        return jdbc.sql(SELECT + " WHERE v.dataset_id = ? ORDER BY v.version").param(dataset.value()).query(this::map).list();
    }

    void delete(DatasetId dataset, int version) {
        jdbc.sql("DELETE FROM dataset_version WHERE dataset_id = ? AND version = ?").params(dataset.value(), version).update();
    }

    /** Whether any version of any dataset still points at this blob, as its data or its sample. */
    boolean referencesBlob(String sha256) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM dataset_version WHERE sha256 = ? OR sample_sha256 = ?)")
                .params(sha256, sha256).query(Boolean.class).single();
    }

    private VersionRecord map(ResultSet rs, int row) throws SQLException {
        String validation = rs.getString(10);
        return new VersionRecord(new DatasetId(rs.getObject(1, UUID.class)), rs.getString(2), rs.getInt(3),
                DataFormat.valueOf(rs.getString(4)), rs.getLong(5), rs.getLong(6), rs.getString(7),
                json.readValue(rs.getString(8), DatasetSchema.class), json.readValue(rs.getString(9), DatasetProfile.class),
                validation == null ? null : json.readValue(validation, ValidationReport.class), rs.getString(11),
                rs.getString(12), rs.getString(13), rs.getTimestamp(14).toInstant());
    }
}
