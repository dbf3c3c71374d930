/** Defaults every service shares (actuator, Kafka, JPA, ProblemDetail), applied with the lowest precedence. */
package io.mlops.support.config;
