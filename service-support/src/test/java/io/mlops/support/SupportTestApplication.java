package io.mlops.support;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/** A minimal service for testing the shared support pieces against real Postgres and Kafka. */
@SpringBootApplication
class SupportTestApplication {
}
