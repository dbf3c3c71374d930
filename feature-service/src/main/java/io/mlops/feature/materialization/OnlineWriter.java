package io.mlops.feature.materialization;

import io.mlops.feature.featureset.FeatureSet;
import io.mlops.feature.featureset.FeatureSetVersion;
import io.mlops.feature.online.OnlineStore;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.springframework.stereotype.Component;

/**
 * Fills Redis from the offline table rather than from the CSV: Postgres picks each entity's latest
 * row (DISTINCT ON over the table's index, spilling to disk if it must), rows arrive through a
 * cursor {@code chunk-rows} at a time, and go out in pipelines of {@code redis-batch-keys}. Memory
 * stays one chunk, and the online values are
 * by construction the offline table's latest rows.
 */
@Component
class OnlineWriter {

    private final DataSource dataSource;
    private final OnlineStore store;
    private final MaterializationProperties properties;

    OnlineWriter(DataSource dataSource, OnlineStore store, MaterializationProperties properties) {
        this.dataSource = dataSource;
        this.store = store;
        this.properties = properties;
    }

    /** Returns the number of entities written. */
    long write(FeatureSet set, FeatureSetVersion version) throws SQLException {
        OfflineTable table = OfflineTable.of(set, version);
        String sql = "SELECT DISTINCT ON (_entity) _entity, " + String.join(", ", table.featureColumns())
                + " FROM " + table.name() + " ORDER BY _entity, event_time DESC NULLS LAST, _row DESC";
        int width = table.features();
        long entities = 0;
        try (Connection connection = dataSource.getConnection();
             OnlineStore.Writer writer = store.writer(set.name(), version.version(), version.outputColumns(), set.ttl(), properties.redisBatchKeys(), properties.redisWriteTimeout())) {
            connection.setAutoCommit(false);
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                statement.setFetchSize(properties.chunkRows());
                try (ResultSet rs = statement.executeQuery()) {
                    while (rs.next()) {
                        double[] vector = new double[width];
                        for (int i = 0; i < width; i++) {
                            vector[i] = rs.getDouble(i + 2);
                        }
                        writer.add(rs.getString(1), vector);
                        entities++;
                    }
                }
                writer.flush();
            } finally {
                connection.rollback();
                connection.setAutoCommit(true);
            }
        }
        return entities;
    }
}
