package io.mlops.feature.online;

import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.data.redis.connection.ReactiveRedisConnectionFactory;
import org.springframework.data.redis.connection.RedisConnection;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.stereotype.Component;

/**
 * Opens the shared Redis connections (the one lookups use and the reactive one the health check
 * uses) before the instance reports ready. The first connection of a JVM loads Netty and Lettuce and
 * can miss the 500 ms handshake timeout on a busy host; paid here, it fails no lookup or probe.
 * A Redis that is really down is only logged: readiness reports it.
 */
@Component
class RedisWarmup {

    private static final Logger log = LoggerFactory.getLogger(RedisWarmup.class);
    private static final int ATTEMPTS = 3;

    private final RedisConnectionFactory redis;

    RedisWarmup(RedisConnectionFactory redis) {
        this.redis = redis;
    }

    @EventListener(ApplicationReadyEvent.class)
    void warmUp() {
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            try (RedisConnection connection = redis.getConnection()) {
                connection.ping();
                if (redis instanceof ReactiveRedisConnectionFactory reactive) {
                    reactive.getReactiveConnection().ping().block(Duration.ofSeconds(2));
                }
                return;
            } catch (RuntimeException e) {
                log.info("Redis warm-up attempt {} failed: {}", attempt, e.getMessage());
            }
        }
    }
}
