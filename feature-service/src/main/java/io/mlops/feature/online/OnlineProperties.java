package io.mlops.feature.online;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code latest-version-refresh}: how long a lookup without a version may keep using the newest
 * materialized version it found before asking Postgres again (a new version is served after at
 * most this long).
 */
@ConfigurationProperties("mlops.feature.online")
record OnlineProperties(@DefaultValue("1s") Duration latestVersionRefresh) {
}
