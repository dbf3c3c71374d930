package io.mlops.support.messaging;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Kafka settings of the platform ({@code mlops.messaging.*}).
 *
 * @param retryAttempts      deliveries of a failing record before it goes to {@code <topic>.DLT}
 * @param retryBackoff       pause between those deliveries
 * @param topicPartitions    partitions of the platform topics when this service creates them
 * @param topicReplicas      replication factor of those topics
 * @param healthTimeout      how long the Kafka health check waits for the cluster to answer
 */
@ConfigurationProperties("mlops.messaging")
public record MessagingProperties(
        @DefaultValue("3") int retryAttempts,
        @DefaultValue("500ms") Duration retryBackoff,
        @DefaultValue("3") int topicPartitions,
        @DefaultValue("1") short topicReplicas,
        @DefaultValue("2s") Duration healthTimeout) {
}
