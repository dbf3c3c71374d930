package io.mlops.testsupport;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.time.Duration;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import redis.embedded.RedisServer;

/**
 * Real servers started from Maven artifacts when no Docker engine exists: PostgreSQL binaries (zonky),
 * a Redis binary (codemonstur) and Kafka's own KRaft broker in-process (spring-kafka-test). Every one
 * binds a free port on loopback, since the machine may already run Postgres on 5432 and Redis on 6379.
 */
final class EmbeddedInfrastructure implements Infrastructure {

    private EmbeddedPostgres postgres;
    private RedisServer redis;
    private int redisPort;
    private EmbeddedKafkaKraftBroker kafka;

    @Override
    public synchronized PostgresServer postgres() {
        if (postgres == null) {
            try {
                postgres = EmbeddedPostgres.builder()
                        .setPGStartupWait(Duration.ofSeconds(60))
                        .setServerConfig("max_connections", "300")
                        .setServerConfig("fsync", "off")
                        .setServerConfig("synchronous_commit", "off")
                        .start();
            } catch (IOException e) {
                throw new UncheckedIOException("could not start embedded PostgreSQL", e);
            }
        }
        return new PostgresServer(postgres.getJdbcUrl("postgres", "postgres"), "postgres", "postgres");
    }

    @Override
    public synchronized RedisServerAddress redis() {
        if (redis == null) {
            try {
                redisPort = freePort();
                redis = RedisServer.newRedisServer()
                        .port(redisPort)
                        .bind("127.0.0.1")
                        .setting("save \"\"")
                        .setting("appendonly no")
                        .build();
                redis.start();
            } catch (IOException e) {
                throw new UncheckedIOException("could not start embedded Redis", e);
            }
        }
        return new RedisServerAddress("127.0.0.1", redisPort);
    }

    @Override
    public synchronized String kafkaBootstrapServers() {
        if (kafka == null) {
            kafka = new EmbeddedKafkaKraftBroker(1, 1);
            kafka.brokerProperty("auto.create.topics.enable", "true");
            kafka.brokerProperty("group.initial.rebalance.delay.ms", "0");
            // one broker: the 50 default offsets partitions only cost start-up time
            kafka.brokerProperty("offsets.topic.num.partitions", "1");
            kafka.brokerProperty("transaction.state.log.num.partitions", "1");
            kafka.afterPropertiesSet();
        }
        return kafka.getBrokersAsString();
    }

    @Override
    public String describe() {
        return "embedded servers from Maven artifacts (no Docker engine)";
    }

    synchronized void stop() {
        if (kafka != null) {
            kafka.destroy();
        }
        if (redis != null) {
            try {
                redis.stop();
            } catch (IOException ignored) {
                // the JVM is exiting; nothing useful to do
            }
        }
        if (postgres != null) {
            try {
                postgres.close();
            } catch (IOException ignored) {
                // the JVM is exiting; the data directory is in a temp folder
            }
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        }
    }
}
