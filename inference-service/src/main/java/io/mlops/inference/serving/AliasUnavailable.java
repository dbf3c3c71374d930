package io.mlops.inference.serving;

import io.mlops.support.web.ApiProblem;
import java.time.Duration;
import java.util.Optional;
import org.springframework.http.HttpStatus;

/**
 * An alias this instance has not resolved yet could not be resolved: the registry is unreachable or answered an
 * error (503, as for a version that cannot be loaded; an alias it does not know is {@link AliasNotFound}).
 */
public final class AliasUnavailable extends ApiProblem {

    public AliasUnavailable(String model, String alias, Throwable cause) {
        super(HttpStatus.SERVICE_UNAVAILABLE, "alias '" + alias + "' of model '" + model
                + "' could not be resolved: " + cause.getMessage(), cause);
        with("model", model);
        with("alias", alias);
        with("cause", cause.getClass().getSimpleName());
    }

    @Override
    public Optional<Duration> retryAfter() {
        return Optional.of(Duration.ofSeconds(5));
    }
}
