package io.mlops.feature.materialization;

import io.mlops.domain.feature.FeatureNotComputable;
import io.mlops.domain.feature.FeatureTransformer;
import io.mlops.feature.featureset.EntityKeys;
import io.mlops.feature.featureset.EventTimes;
import io.mlops.feature.featureset.FeatureSet;
import io.mlops.feature.featureset.FeatureSetVersion;
import io.mlops.feature.source.DatasetSource;
import io.mlops.feature.source.DatasetVersionInfo;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.Map;
import java.util.function.LongConsumer;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.springframework.stereotype.Component;

/**
 * Streams a dataset version through the fitted spec into the version's offline table with one COPY,
 * fed chunk by chunk, so memory holds one chunk of text whatever the dataset size. The table is
 * emptied (DELETE) and refilled in one transaction under an advisory lock: re-materializing is
 * idempotent and readers, who take no lock that the job's conflict with, keep reading the old rows
 * until it commits and then see the new ones, never half. The deleted rows' space is reclaimed by
 * autovacuum.
 */
@Component
class OfflineWriter {

    private final DataSource dataSource;
    private final DatasetSource source;
    private final MaterializationProperties properties;

    OfflineWriter(DataSource dataSource, DatasetSource source, MaterializationProperties properties) {
        this.dataSource = dataSource;
        this.source = source;
        this.properties = properties;
    }

    /** Writes every row; reports rows done after each chunk; returns the row count. */
    long write(FeatureSet set, FeatureSetVersion version, DatasetVersionInfo data, LongConsumer progress) throws SQLException {
        OfflineTable table = OfflineTable.of(set, version);
        FeatureTransformer transformer = version.fittedSpec().transformer();
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try (Statement statement = connection.createStatement()) {
                statement.execute("SELECT pg_advisory_xact_lock(hashtext('" + table.name() + "'))");
                statement.execute(table.createSql());
                // not TRUNCATE: its ACCESS EXCLUSIVE lock would stall readers of the old rows for the whole job
                statement.execute("DELETE FROM " + table.name());
            }
            CopyIn copy = connection.unwrap(PGConnection.class).getCopyAPI().copyIn(table.copySql());
            try {
                Chunks chunks = new Chunks(set, transformer, copy, progress);
                source.readRows(data, chunks::accept);
                chunks.flush();
                copy.endCopy();
                try (Statement statement = connection.createStatement()) {
                    statement.execute(table.indexSql());
                    statement.execute("ANALYZE " + table.name());
                }
                connection.commit();
                return chunks.rows;
            } finally {
                if (copy.isActive()) {
                    copy.cancelCopy();
                }
                if (!connection.getAutoCommit()) {
                    connection.rollback();
                    connection.setAutoCommit(true);
                }
            }
        }
    }

    /** Turns rows into COPY lines and sends them every {@code chunk-rows}. */
    private final class Chunks {

        private final FeatureSet set;
        private final FeatureTransformer transformer;
        private final CopyIn copy;
        private final LongConsumer progress;
        private final double[] vector;
        private final StringBuilder text = new StringBuilder(1 << 16);
        private long rows;

        Chunks(FeatureSet set, FeatureTransformer transformer, CopyIn copy, LongConsumer progress) {
            this.set = set;
            this.transformer = transformer;
            this.copy = copy;
            this.progress = progress;
            this.vector = new double[transformer.width()];
        }

        void accept(Map<String, Object> row) {
            try {
                transformer.transform(row, vector, 0);
            } catch (FeatureNotComputable e) {
                throw new IllegalStateException("row " + (rows + 1) + ": " + e.getMessage(), e);
            }
            CopyText line = new CopyText(text);
            line.value(rows).value(EntityKeys.of(row, set.entityColumns()));
            for (String column : set.entityColumns()) {
                line.value(EntityKeys.text(row.get(column)));
            }
            Instant time = set.hasEventTime() ? EventTimes.parse(row.get(set.eventTimeColumn())) : null;
            line.value(time);
            for (double value : vector) {
                line.number(value);
            }
            for (String label : set.labelColumns()) {
                line.value(row.get(label));
            }
            line.end();
            rows++;
            if (rows % properties.chunkRows() == 0) {
                flush();
                progress.accept(rows);
            }
        }

        void flush() {
            if (text.isEmpty()) {
                return;
            }
            byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);
            try {
                copy.writeToCopy(bytes, 0, bytes.length);
            } catch (SQLException e) {
                throw new IllegalStateException("COPY into the offline table failed: " + e.getMessage(), e);
            }
            text.setLength(0);
        }
    }
}
