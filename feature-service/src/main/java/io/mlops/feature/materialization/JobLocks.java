package io.mlops.feature.materialization;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Which instance runs a materialization job: a Postgres session-level advisory lock per job, held on a connection of
 * its own for as long as the job runs. Postgres drops the lock when that connection ends, so the jobs of a crashed
 * instance can be resumed at once, while a live instance's job is never run a second time by another (a rolling
 * update's new pod, or the resume sweep of a second replica). A lease with heartbeats would need a timeout to
 * tell a dead owner from a slow one; the connection already tells.
 */
@Component
public class JobLocks {

    private static final Logger log = LoggerFactory.getLogger(JobLocks.class);

    private final DataSource dataSource;

    JobLocks(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** The lock on {@code job}, or empty when another connection (another instance's run) holds it. */
    public Optional<Held> tryLock(UUID job) throws SQLException {
        Connection connection = dataSource.getConnection();
        try {
            if (call(connection, "SELECT pg_try_advisory_lock(" + KEY + ")", job)) {
                return Optional.of(new Held(connection, job));
            }
        } catch (SQLException | RuntimeException e) {
            connection.close();
            throw e;
        }
        connection.close();
        return Optional.empty();
    }

    // one 64-bit key per job id; the prefix keeps it apart from the other advisory locks of this schema
    private static final String KEY = "hashtextextended('mlops-materialization:' || ?, 0)";

    private static boolean call(Connection connection, String sql, UUID job) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, job.toString());
            try (ResultSet rs = statement.executeQuery()) {
                return rs.next() && rs.getBoolean(1);
            }
        }
    }

    /** A held lock; closing it releases the lock and gives the connection back. */
    public static final class Held implements AutoCloseable {

        private final Connection connection;
        private final UUID job;

        private Held(Connection connection, UUID job) {
            this.connection = connection;
            this.job = job;
        }

        @Override
        public void close() {
            try {
                call(connection, "SELECT pg_advisory_unlock(" + KEY + ")", job);
                connection.close();
            } catch (SQLException | RuntimeException e) {
                // a pooled connection must not go back still holding the lock: end it, which drops the lock
                log.warn("Releasing the lock of materialization {} failed; closing its connection", job, e);
                try {
                    connection.abort(Runnable::run);
                    connection.close();
                } catch (SQLException ignored) {
                    // the connection is gone either way, and its lock with it
                }
            }
        }
    }
}
