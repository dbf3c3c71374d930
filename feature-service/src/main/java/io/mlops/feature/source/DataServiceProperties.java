package io.mlops.feature.source;

import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the data-service is. {@code read-timeout} is an idle timeout: it bounds each wait for the
 * next bytes of an answer (a streamed CSV included), not the whole download, which may take as
 * long as the data keeps arriving.
 */
@ConfigurationProperties("mlops.feature")
record DataServiceProperties(
        @DefaultValue("http://localhost:8081") URI dataServiceUrl,
        @DefaultValue("2s") Duration dataServiceConnectTimeout,
        @DefaultValue("30s") Duration dataServiceReadTimeout) {
}
