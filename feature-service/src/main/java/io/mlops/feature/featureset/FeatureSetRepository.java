package io.mlops.feature.featureset;

import io.mlops.domain.data.DatasetSchema;
import io.mlops.domain.feature.FeatureDefinition;
import io.mlops.domain.feature.FittedFeatureSpec;
import io.mlops.domain.id.FeatureSetId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Feature sets and versions in Postgres. Plain JDBC rather than JPA: the rows are JSON documents
 * plus a few columns, and the offline tables next to them are dynamic anyway.
 */
@Repository
public class FeatureSetRepository {

    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() { };
    private static final TypeReference<List<FeatureDefinition>> DEFINITIONS = new TypeReference<>() { };

    private final JdbcClient jdbc;
    private final JsonMapper json;

    FeatureSetRepository(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /**
     * False when a set of that name exists: a concurrent create that committed first makes this insert
     * wait for it and then do nothing, rather than fail on the key (which would abort the transaction).
     */
    boolean insert(FeatureSet set) {
        return jdbc.sql("""
                INSERT INTO feature_set (name, id, dataset, dataset_version, entity_columns, event_time_column,
                                         ttl_seconds, label_columns, features, created_at)
                VALUES (?, ?, ?, ?, ?::jsonb, ?, ?, ?::jsonb, ?::jsonb, ?)
                ON CONFLICT (name) DO NOTHING""")
                .params(set.name(), set.id().value(), set.dataset(), set.datasetVersion(),
                        json.writeValueAsString(set.entityColumns()), set.eventTimeColumn(),
                        set.ttl() == null ? null : set.ttl().toSeconds(), json.writeValueAsString(set.labelColumns()),
                        json.writeValueAsString(set.features()), Timestamp.from(set.createdAt()))
                .update() == 1;
    }

    void insert(FeatureSetVersion v) {
        jdbc.sql("""
                INSERT INTO feature_set_version (feature_set, version, dataset_version, dataset_sha256, dataset_schema,
                                                 fitted_spec, offline_table, created_at)
                VALUES (?, ?, ?, ?, ?::jsonb, ?::jsonb, ?, ?)""")
                .params(v.featureSet(), v.version(), v.datasetVersion(), v.datasetSha256(),
                        json.writeValueAsString(v.datasetSchema()), json.writeValueAsString(v.fittedSpec()),
                        v.offlineTable(), Timestamp.from(v.createdAt()))
                .update();
    }

    public Optional<FeatureSet> find(String name) {
        return jdbc.sql("SELECT * FROM feature_set WHERE name = ?").param(name).query(this::set).optional();
    }

    public FeatureSet require(String name) {
        return find(name).orElseThrow(() -> new FeatureSetNotFound(name));
    }

    public List<FeatureSet> all() {
        return jdbc.sql("SELECT * FROM feature_set ORDER BY name").query(this::set).list();
    }

    public List<FeatureSet> followingLatest(String dataset) {
        return jdbc.sql("SELECT * FROM feature_set WHERE dataset = ? AND dataset_version IS NULL ORDER BY name")
                .param(dataset).query(this::set).list();
    }

    public Optional<FeatureSetVersion> findVersion(String name, int version) {
        return jdbc.sql(VERSION_SELECT + " WHERE v.feature_set = ? AND v.version = ?").params(name, version)
                .query(this::version).optional();
    }

    public FeatureSetVersion requireVersion(String name, int version) {
        require(name);
        return findVersion(name, version).orElseThrow(() -> new FeatureSetVersionNotFound(name, version));
    }

    Optional<FeatureSetVersion> findByDatasetVersion(String name, int datasetVersion) {
        return jdbc.sql(VERSION_SELECT + " WHERE v.feature_set = ? AND v.dataset_version = ?").params(name, datasetVersion)
                .query(this::version).optional();
    }

    public List<FeatureSetVersion> versions(String name) {
        return jdbc.sql(VERSION_SELECT + " WHERE v.feature_set = ? ORDER BY v.version").param(name).query(this::version).list();
    }

    int nextVersion(String name) {
        return jdbc.sql("SELECT coalesce(max(version), 0) + 1 FROM feature_set_version WHERE feature_set = ?")
                .param(name).query(Integer.class).single();
    }

    /** Serializes version creation per set (a row lock on the definition) so numbers are not handed out twice. */
    void lock(String name) {
        jdbc.sql("SELECT name FROM feature_set WHERE name = ? FOR UPDATE").param(name).query(String.class).optional();
    }

    private static final String VERSION_SELECT = """
            SELECT v.*, s.dataset FROM feature_set_version v JOIN feature_set s ON s.name = v.feature_set""";

    private FeatureSet set(ResultSet rs, int row) throws SQLException {
        long ttl = rs.getLong("ttl_seconds");
        boolean noTtl = rs.wasNull();
        int datasetVersion = rs.getInt("dataset_version");
        boolean follows = rs.wasNull();
        return new FeatureSet(rs.getString("name"), new FeatureSetId(rs.getObject("id", java.util.UUID.class)),
                rs.getString("dataset"), follows ? null : datasetVersion,
                json.readValue(rs.getString("entity_columns"), STRINGS), rs.getString("event_time_column"),
                noTtl ? null : Duration.ofSeconds(ttl), json.readValue(rs.getString("label_columns"), STRINGS),
                json.readValue(rs.getString("features"), DEFINITIONS), rs.getTimestamp("created_at").toInstant());
    }

    private FeatureSetVersion version(ResultSet rs, int row) throws SQLException {
        return new FeatureSetVersion(rs.getString("feature_set"), rs.getInt("version"), rs.getString("dataset"),
                rs.getInt("dataset_version"), rs.getString("dataset_sha256"),
                json.readValue(rs.getString("dataset_schema"), DatasetSchema.class),
                json.readValue(rs.getString("fitted_spec"), FittedFeatureSpec.class),
                rs.getString("offline_table"), rs.getTimestamp("created_at").toInstant());
    }
}
