package io.mlops.feature.online;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code mlops.feature.online.*}.
 *
 * @param latestVersionRefresh how long a lookup without a version may keep using the newest materialized
 *                             version it found before asking Postgres again (a new version is served after
 *                             at most this long)
 * @param port                 when set, lookups are also served on this port by {@link OnlineListener}
 *                             (0: a free port, published as {@code local.mlops.feature.online.port})
 * @param listenerThreads      event-loop threads of that listener; 0: half the available processors, at least one
 * @param listenerIdleTimeout  a connection of that listener with nothing read or written for this long is closed
 */
@ConfigurationProperties("mlops.feature.online")
record OnlineProperties(@DefaultValue("1s") Duration latestVersionRefresh, Integer port,
                        @DefaultValue("0") int listenerThreads, @DefaultValue("60s") Duration listenerIdleTimeout) {
}
