package io.mlops.data.ingest;

import static io.mlops.data.schema.SqlNames.literal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * One in-process, in-memory DuckDB database per ingestion, capped by the settings; it spills to a temp
 * directory of its own past the memory limit (inside the configured one, if any), removed on close.
 */
final class Engine implements AutoCloseable {

    private final Connection connection;
    private final Path ownTempDirectory;
    private final int threads;

    private Engine(Connection connection, Path ownTempDirectory, int threads) {
        this.connection = connection;
        this.ownTempDirectory = ownTempDirectory;
        this.threads = threads;
    }

    static Engine open(IngestSettings settings) {
        Path own = null;
        try {
            // always a folder of our own: DuckDB names spill files by size class only, so engines sharing a
            // folder would overwrite each other's files and the first to close would delete the others'
            own = settings.tempDirectory() == null ? Files.createTempDirectory("mlops-duckdb-")
                    : Files.createTempDirectory(Files.createDirectories(settings.tempDirectory()), "mlops-duckdb-");
            Connection connection = DriverManager.getConnection("jdbc:duckdb:");
            try (Statement statement = connection.createStatement()) {
                statement.execute("SET memory_limit = " + literal(settings.memoryLimit()));
                statement.execute("SET threads = " + settings.threads());
                statement.execute("SET temp_directory = " + literal(own.toString()));
                statement.execute("SET preserve_insertion_order = true"); // rowid = file order, for line numbers
                statement.execute("SET enable_progress_bar = false");
            }
            return new Engine(connection, own, settings.threads());
        } catch (SQLException e) {
            deleteTree(own);
            throw new IllegalStateException("cannot start DuckDB: " + e.getMessage(), e);
        } catch (IOException e) {
            deleteTree(own);
            throw new UncheckedIOException(e);
        }
    }

    Connection connection() {
        return connection;
    }

    void execute(String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    /** Runs a statement on one thread: DuckDB's REPEATABLE sampling is deterministic only then. */
    void executeSingleThreaded(String sql) throws SQLException {
        execute("SET threads = 1");
        try {
            execute(sql);
        } finally {
            execute("SET threads = " + threads);
        }
    }

    @Override
    public void close() {
        try {
            connection.close();
        } catch (SQLException e) {
            // nothing useful to do: the in-memory database is gone with the connection either way
        } finally {
            deleteTree(ownTempDirectory);
        }
    }

    private static void deleteTree(Path root) {
        if (root == null || !Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
