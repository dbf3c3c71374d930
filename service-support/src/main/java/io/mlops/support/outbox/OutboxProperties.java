package io.mlops.support.outbox;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Outbox relay settings ({@code mlops.outbox.*}).
 *
 * @param enabled       whether this instance relays (all replicas may; one relays at a time)
 * @param pollInterval  how often pending events are looked for; commits also wake the relay at once
 * @param batchSize     events sent per relay round
 * @param sendTimeout   how long to wait for Kafka to acknowledge a round before retrying it later
 * @param retention     how long published rows are kept before being deleted
 */
@ConfigurationProperties("mlops.outbox")
public record OutboxProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("500ms") Duration pollInterval,
        @DefaultValue("200") int batchSize,
        @DefaultValue("10s") Duration sendTimeout,
        @DefaultValue("7d") Duration retention) {
}
