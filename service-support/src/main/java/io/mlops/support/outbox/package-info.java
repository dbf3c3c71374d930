/**
 * The transactional outbox: events are stored with the change they announce and relayed to Kafka
 * afterwards, so an event exists if and only if its transaction committed. Each service keeps the
 * tables in its own schema, migrated with their own Flyway history.
 */
package io.mlops.support.outbox;
