package io.mlops.testsupport;

import org.testcontainers.containers.GenericContainer;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.postgresql.PostgreSQLContainer;
import org.testcontainers.utility.DockerImageName;

/** The same servers as containers, for machines with a Docker engine (CI runners, laptops). */
final class ContainerInfrastructure implements Infrastructure {

    private PostgreSQLContainer postgres;
    private GenericContainer<?> redis;
    private KafkaContainer kafka;

    @Override
    public synchronized PostgresServer postgres() {
        if (postgres == null) {
            postgres = new PostgreSQLContainer(DockerImageName.parse("postgres:17-alpine"));
            postgres.start();
        }
        return new PostgresServer(postgres.getJdbcUrl(), postgres.getUsername(), postgres.getPassword());
    }

    @Override
    public synchronized RedisServerAddress redis() {
        if (redis == null) {
            redis = new GenericContainer<>(DockerImageName.parse("redis:7-alpine")).withExposedPorts(6379);
            redis.start();
        }
        return new RedisServerAddress(redis.getHost(), redis.getMappedPort(6379));
    }

    @Override
    public synchronized String kafkaBootstrapServers() {
        if (kafka == null) {
            kafka = new KafkaContainer(DockerImageName.parse("apache/kafka:4.1.1"));
            kafka.start();
        }
        return kafka.getBootstrapServers();
    }

    @Override
    public String describe() {
        return "Testcontainers (Docker engine found)";
    }

    synchronized void stop() {
        if (kafka != null) {
            kafka.stop();
        }
        if (redis != null) {
            redis.stop();
        }
        if (postgres != null) {
            postgres.stop();
        }
    }
}
