/** Embedded PostgreSQL, Redis and Kafka started from Maven artifacts, keeping their data under the suite's home. */
package io.mlops.standalone.servers;
