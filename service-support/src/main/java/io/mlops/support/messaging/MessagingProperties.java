package io.mlops.support.messaging;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Kafka settings of the platform ({@code mlops.messaging.*}).
 *
 * <p>A record that fails for another reason than being unreadable is retried with an exponential back-off:
 * with the defaults after 1, 2, 4, 8, 16, 30, 30, 30 and 30 s, about 2.5 minutes in all, long enough to ride
 * out a peer's rolling restart. Each pause is spent between polls, so it must stay well under the consumer's
 * {@code max.poll.interval.ms} (5 minutes by default); {@code retryMaxBackoff} bounds it.
 *
 * @param retryAttempts      deliveries of a failing record before it goes to {@code <topic>.DLT}
 * @param retryBackoff       pause before the first redelivery
 * @param retryMultiplier    factor applied to the pause after each redelivery
 * @param retryMaxBackoff    longest pause between two deliveries
 * @param topicPartitions    partitions of the platform topics when this service creates them
 * @param topicReplicas      replication factor of those topics
 * @param healthTimeout      how long the Kafka health check waits for the cluster to answer
 */
@ConfigurationProperties("mlops.messaging")
public record MessagingProperties(
        @DefaultValue("10") int retryAttempts,
        @DefaultValue("1s") Duration retryBackoff,
        @DefaultValue("2.0") double retryMultiplier,
        @DefaultValue("30s") Duration retryMaxBackoff,
        @DefaultValue("3") int topicPartitions,
        @DefaultValue("1") short topicReplicas,
        @DefaultValue("2s") Duration healthTimeout) {
}
