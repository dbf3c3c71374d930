package io.mlops.feature.source;

import io.mlops.support.web.ApiProblem;
import java.time.Duration;
import java.util.Optional;
import org.springframework.http.HttpStatus;

/** The data-service could not be reached or answered something unusable. */
public class DataServiceUnavailable extends ApiProblem {

    DataServiceUnavailable(String detail, Throwable cause) {
        super(HttpStatus.SERVICE_UNAVAILABLE, "data-service: " + detail, cause);
    }

    @Override
    public Optional<Duration> retryAfter() {
        return Optional.of(Duration.ofSeconds(5));
    }
}
