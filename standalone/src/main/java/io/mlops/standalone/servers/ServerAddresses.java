package io.mlops.standalone.servers;

/** Where the services find PostgreSQL, Redis and Kafka, embedded or external. */
public record ServerAddresses(String jdbcUrl, String username, String password,
                              String redisHost, int redisPort, String kafkaBootstrapServers) {
}
