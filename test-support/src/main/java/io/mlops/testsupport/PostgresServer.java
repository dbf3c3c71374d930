package io.mlops.testsupport;

/** Where a running PostgreSQL server accepts connections. */
public record PostgresServer(String jdbcUrl, String username, String password) {
}
