package io.mlops.standalone.testing;

import io.mlops.standalone.StandaloneApplication;
import io.mlops.standalone.servers.ServerAddresses;
import io.mlops.standalone.suite.Service;
import io.mlops.standalone.suite.Suite;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.HttpStatusCode;
import org.springframework.util.FileSystemUtils;
import org.springframework.web.client.RestClient;

/**
 * The whole standalone suite as {@code ./mlops up} runs it (embedded PostgreSQL, Redis and Kafka, five service
 * contexts), on free ports and a temporary home, so tests run next to a suite a developer has on 8081..8085.
 * Shared by every test class of the JVM through {@link StandaloneSuiteExtension}: tests name their datasets and
 * models uniquely rather than expecting an empty platform.
 */
public final class RunningSuite implements AutoCloseable {

    private final Path home;
    private final ConfigurableApplicationContext standalone;
    private final Suite suite;
    private final long startMillis;

    private RunningSuite(Path home, ConfigurableApplicationContext standalone, long startMillis) {
        this.home = home;
        this.standalone = standalone;
        this.suite = standalone.getBean(Suite.class);
        this.startMillis = startMillis;
    }

    static RunningSuite start() {
        Path home;
        try {
            home = Files.createTempDirectory("mlops-standalone-test");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        // Materialization writes each chunk as one Redis pipeline under the command timeout, 500 ms by default (sized
        // for online lookups). On a 2-core box shared with other builds (load 20+) pipelines of a few hundred SETs
        // missed it; the five contexts see system properties, so the tests give Redis commands 5 s.
        System.setProperty("spring.data.redis.timeout", "5s");
        long t = System.nanoTime();
        ConfigurableApplicationContext standalone = StandaloneApplication.start(
                "--mlops.standalone.home=" + home,
                "--mlops.standalone.ports.data=0",
                "--mlops.standalone.ports.feature=0",
                "--mlops.standalone.ports.model=0",
                "--mlops.standalone.ports.inference=0",
                "--mlops.standalone.ports.monitoring=0");
        return new RunningSuite(home, standalone, (System.nanoTime() - t) / 1_000_000);
    }

    public Path home() {
        return home;
    }

    public Suite suite() {
        return suite;
    }

    /** How long {@link StandaloneApplication#start} took in this JVM. */
    public long startMillis() {
        return startMillis;
    }

    public ServerAddresses servers() {
        return suite.servers();
    }

    public ConfigurableApplicationContext context(Service service) {
        return suite.context(service);
    }

    public String url(Service service) {
        return suite.urls().get(service).toString();
    }

    /** A client for one service that hands every status back to the test instead of throwing. */
    public RestClient http(Service service) {
        return RestClient.builder().baseUrl(url(service))
                .defaultStatusHandler(HttpStatusCode::isError, (request, response) -> { })
                .build();
    }

    /** A connection to the suite's PostgreSQL (all schemas), for checks a REST API does not answer. */
    public Connection jdbc() throws SQLException {
        ServerAddresses servers = servers();
        return DriverManager.getConnection(servers.jdbcUrl(), servers.username(), servers.password());
    }

    @Override
    public void close() {
        try {
            standalone.close();
        } finally {
            FileSystemUtils.deleteRecursively(home.toFile());
        }
    }
}
