/** Kafka wiring for the event envelope: serialization, dead-lettering after bounded retries, idempotent consumption. */
package io.mlops.support.messaging;
