package io.mlops.standalone.servers;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import javax.sql.DataSource;

/**
 * PostgreSQL from the zonky binaries, its cluster in {@code <home>/postgres}: initialized on the first run and
 * kept afterwards. The services share the database {@code mlops}, one schema each.
 */
final class PostgresServer implements AutoCloseable {

    static final String DATABASE = "mlops";

    private final EmbeddedPostgres postgres;

    private PostgresServer(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    static PostgresServer start(Path dataDirectory, int port, Duration startTimeout) throws IOException {
        Files.createDirectories(dataDirectory.getParent());
        OrphanedServer.stopIfRunning(dataDirectory.resolve("postmaster.pid"), "postgres", Duration.ofSeconds(30));
        EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                .setDataDirectory(dataDirectory)
                .setCleanDataDirectory(false)
                // the suite stops it last, after the services have closed their pools
                .setRegisterShutdownHook(false)
                .setPort(port)
                .setPGStartupWait(startTimeout)
                .setServerConfig("max_connections", "200")
                // zonky defaults to fsync and synchronous_commit off (fine for throw-away test databases); this one keeps data
                .setServerConfig("fsync", "on")
                .setServerConfig("synchronous_commit", "on")
                .start();
        PostgresServer server = new PostgresServer(postgres);
        server.createDatabaseIfMissing();
        return server;
    }

    ServerAddresses address(String redisHost, int redisPort, String kafka) {
        return new ServerAddresses(postgres.getJdbcUrl("postgres", DATABASE), "postgres", "postgres", redisHost, redisPort, kafka);
    }

    private void createDatabaseIfMissing() throws IOException {
        DataSource admin = postgres.getPostgresDatabase();
        try (Connection c = admin.getConnection();
             var exists = c.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
            exists.setString(1, DATABASE);
            try (var rs = exists.executeQuery()) {
                if (!rs.next()) {
                    try (var create = c.createStatement()) {
                        create.execute("CREATE DATABASE " + DATABASE);
                    }
                }
            }
        } catch (SQLException e) {
            throw new IOException("cannot create database " + DATABASE, e);
        }
    }

    @Override
    public void close() throws IOException {
        postgres.close();
    }
}
