/**
 * Real PostgreSQL, Redis and Kafka for tests, started once per test JVM: Testcontainers when a Docker
 * engine is reachable, otherwise real servers from Maven artifacts. Never a mock or in-memory stand-in.
 */
package io.mlops.testsupport;
