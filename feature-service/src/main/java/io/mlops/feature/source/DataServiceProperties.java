package io.mlops.feature.source;

import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the data-service is. {@code read-timeout} bounds the wait for each chunk of a streamed
 * CSV, not the whole download.
 */
@ConfigurationProperties("mlops.feature")
record DataServiceProperties(
        @DefaultValue("http://localhost:8081") URI dataServiceUrl,
        @DefaultValue("2s") Duration dataServiceConnectTimeout,
        @DefaultValue("30s") Duration dataServiceReadTimeout) {
}
