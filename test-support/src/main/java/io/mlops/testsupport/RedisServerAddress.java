package io.mlops.testsupport;

/** Where a running Redis server accepts connections. */
public record RedisServerAddress(String host, int port) {
}
