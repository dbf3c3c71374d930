package io.mlops.model.training.data;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the feature-service is.
 *
 * @param featureServiceUrl base URL
 * @param connectTimeout HTTP connect timeout
 * @param readTimeout how long a metadata request may wait for its response
 * @param idleTimeout how long a streamed answer (training data) may stay silent, before its first
 *     byte or between two reads; the whole download has no limit as long as bytes keep arriving
 */
@ConfigurationProperties("mlops.model")
public record FeatureServiceProperties(
    @DefaultValue("http://localhost:8082") String featureServiceUrl,
    @DefaultValue("2s") Duration connectTimeout,
    @DefaultValue("30s") Duration readTimeout,
    @DefaultValue("60s") Duration idleTimeout) {
}
