package io.mlops.feature.online;

import io.mlops.support.web.ApiProblem;
import java.time.Duration;
import java.util.Optional;
import org.springframework.http.HttpStatus;

/** Redis did not answer within the command timeout (spring.data.redis.timeout) or refused the connection. */
class OnlineStoreUnavailable extends ApiProblem {

    OnlineStoreUnavailable(Throwable cause) {
        super(HttpStatus.SERVICE_UNAVAILABLE, "the online store (Redis) is unavailable: " + cause.getMessage(), cause);
    }

    @Override
    public Optional<Duration> retryAfter() {
        return Optional.of(Duration.ofSeconds(1));
    }
}
