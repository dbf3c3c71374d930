package io.mlops.standalone;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the standalone suite ({@code mlops.standalone.*}).
 *
 * @param home     where every piece of state lives: postgres/, redis/, kafka/, blobs/&lt;service&gt;/, inference/
 * @param ports    HTTP port of each service; 0 picks a free one
 * @param embedded ports of the embedded servers; 0 (the default) picks a free one, so an installed
 *                 Postgres, Redis or Kafka on its usual port is never in the way
 * @param external servers to use instead of the embedded ones; each one set skips its embedded server
 * @param startTimeout how long the embedded PostgreSQL may take to start
 */
@ConfigurationProperties("mlops.standalone")
public record StandaloneProperties(
        @DefaultValue(".mlops") Path home,
        @DefaultValue Ports ports,
        @DefaultValue Embedded embedded,
        @DefaultValue External external,
        @DefaultValue("60s") Duration startTimeout) {

    /** HTTP ports of the five services. */
    public record Ports(
            @DefaultValue("8081") int data,
            @DefaultValue("8082") int feature,
            @DefaultValue("8083") int model,
            @DefaultValue("8084") int inference,
            @DefaultValue("8085") int monitoring) {
    }

    /** Ports of the embedded servers (0 = free port). */
    public record Embedded(
            @DefaultValue("0") int postgresPort,
            @DefaultValue("0") int redisPort,
            @DefaultValue("0") int kafkaPort) {
    }

    /**
     * External servers; blank means "start the embedded one".
     *
     * @param jdbcUrl               e.g. jdbc:postgresql://db:5432/mlops
     * @param redisHost             Redis host (port in redisPort)
     * @param kafkaBootstrapServers e.g. kafka:9092
     */
    public record External(
            String jdbcUrl,
            @DefaultValue("mlops") String username,
            @DefaultValue("mlops") String password,
            String redisHost,
            @DefaultValue("6379") int redisPort,
            String kafkaBootstrapServers) {

        public boolean hasPostgres() {
            return jdbcUrl != null && !jdbcUrl.isBlank();
        }

        public boolean hasRedis() {
            return redisHost != null && !redisHost.isBlank();
        }

        public boolean hasKafka() {
            return kafkaBootstrapServers != null && !kafkaBootstrapServers.isBlank();
        }
    }
}
