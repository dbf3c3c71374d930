package io.mlops.inference.serving;

import io.mlops.domain.id.ModelVersionRef;
import io.mlops.support.web.ApiProblem;
import java.time.Duration;
import java.util.Optional;
import org.springframework.http.HttpStatus;

/**
 * A version could not be loaded: registry unreachable, artifact refused (wrong SHA-256, unsafe archive) or
 * not loadable by DJL (503; nothing is cached, so the next request tries again).
 */
public final class ModelUnavailable extends ApiProblem {

    public ModelUnavailable(ModelVersionRef ref, Throwable cause) {
        super(HttpStatus.SERVICE_UNAVAILABLE, "model " + ref + " could not be loaded: " + cause.getMessage(), cause);
        with("model", ref.model());
        with("version", ref.version());
        with("cause", cause.getClass().getSimpleName());
    }

    @Override
    public Optional<Duration> retryAfter() {
        return Optional.of(Duration.ofSeconds(5));
    }
}
