package io.mlops.standalone.servers;

import io.mlops.standalone.StandaloneProperties;
import java.util.ArrayDeque;
import java.util.Deque;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The servers the services need: each one external when configured, else embedded with its data under the
 * home folder. Started Postgres, Redis, Kafka; closed in reverse.
 */
public final class Servers implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Servers.class);

    private final Deque<AutoCloseable> started = new ArrayDeque<>();
    private ServerAddresses addresses;

    private Servers() {
    }

    private void startAll(StandaloneProperties settings) throws Exception {
        var external = settings.external();
        var embedded = settings.embedded();
        var home = settings.home();
        String jdbcUrl = external.jdbcUrl();
        String user = external.username();
        String password = external.password();
        if (!external.hasPostgres()) {
            long t = System.nanoTime();
            PostgresServer postgres = started(PostgresServer.start(home.resolve("postgres"), embedded.postgresPort(), settings.startTimeout()));
            ServerAddresses a = postgres.address(null, 0, null);
            jdbcUrl = a.jdbcUrl();
            user = a.username();
            password = a.password();
            log.info("PostgreSQL up at {} in {} ms (data in {})", jdbcUrl, millisSince(t), home.resolve("postgres").toAbsolutePath());
        }
        String redisHost = external.redisHost();
        int redisPort = external.redisPort();
        if (!external.hasRedis()) {
            long t = System.nanoTime();
            EmbeddedRedis redis = started(EmbeddedRedis.start(home.resolve("redis"), embedded.redisPort(), settings.startTimeout()));
            redisHost = "127.0.0.1";
            redisPort = redis.port();
            log.info("Redis up at {}:{} in {} ms (append-only file in {})", redisHost, redisPort, millisSince(t), home.resolve("redis").toAbsolutePath());
        }
        String kafka = external.kafkaBootstrapServers();
        if (!external.hasKafka()) {
            long t = System.nanoTime();
            KafkaBroker broker = started(KafkaBroker.start(home.resolve("kafka"), embedded.kafkaPort()));
            kafka = broker.bootstrapServers();
            log.info("Kafka up at {} in {} ms (log in {})", kafka, millisSince(t), home.resolve("kafka").toAbsolutePath());
        }
        this.addresses = new ServerAddresses(jdbcUrl, user, password, redisHost, redisPort, kafka);
    }

    /** Starts what is not external; on a failure, stops what had started and rethrows. */
    public static Servers start(StandaloneProperties settings) throws Exception {
        Servers servers = new Servers();
        try {
            servers.startAll(settings);
            return servers;
        } catch (Exception | Error e) {
            servers.close();
            throw e;
        }
    }

    public ServerAddresses addresses() {
        return addresses;
    }

    private <T extends AutoCloseable> T started(T server) {
        started.push(server);
        return server;
    }

    @Override
    public void close() {
        while (!started.isEmpty()) {
            AutoCloseable server = started.pop();
            try {
                server.close();
            } catch (Exception e) {
                log.warn("stopping {} failed", server.getClass().getSimpleName(), e);
            }
        }
    }

    private static long millisSince(long nanos) {
        return (System.nanoTime() - nanos) / 1_000_000;
    }
}
