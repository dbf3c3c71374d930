package io.mlops.testsupport;

/** The three servers the services need; each started on first use and kept for the test JVM. */
interface Infrastructure {

    PostgresServer postgres();

    RedisServerAddress redis();

    String kafkaBootstrapServers();

    String describe();
}
