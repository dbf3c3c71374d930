package io.mlops.model.retraining;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Closed-loop retraining ({@code mlops.model.retraining.*}); whether a model retrains at all is its policy's.
 *
 * @param checkInterval how often open runs are checked for a finished challenger job (then gated)
 * @param defaultCooldown a policy's cooldown when its request names none
 * @param actOnTriggers false: this instance neither consumes triggers nor gates runs (API-only replicas,
 *     test contexts sharing the database with one that does)
 */
@ConfigurationProperties("mlops.model.retraining")
public record RetrainingProperties(
    @DefaultValue("2s") Duration checkInterval,
    @DefaultValue("1h") Duration defaultCooldown,
    @DefaultValue("true") boolean actOnTriggers) {
}
