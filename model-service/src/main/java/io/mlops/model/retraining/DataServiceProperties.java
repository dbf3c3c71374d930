package io.mlops.model.retraining;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the data-service is: the gate reads the newest dataset version's raw rows from it.
 *
 * @param dataServiceUrl base URL
 * @param connectTimeout HTTP connect timeout
 * @param idleTimeout how long the raw rows' answer may stay silent (the same key as the feature-service's)
 */
@ConfigurationProperties("mlops.model")
public record DataServiceProperties(
    @DefaultValue("http://localhost:8081") String dataServiceUrl,
    @DefaultValue("2s") Duration connectTimeout,
    @DefaultValue("60s") Duration idleTimeout) {
}
