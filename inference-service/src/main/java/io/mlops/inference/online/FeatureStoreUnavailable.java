package io.mlops.inference.online;

import io.mlops.support.web.ApiProblem;
import java.time.Duration;
import java.util.Optional;
import org.springframework.http.HttpStatus;

/** The feature-service did not answer in time, could not be reached, or failed (503); instances still work. */
public final class FeatureStoreUnavailable extends ApiProblem {

    FeatureStoreUnavailable(String featureSet, String why, Throwable cause) {
        super(HttpStatus.SERVICE_UNAVAILABLE, "online features of '" + featureSet + "' are unavailable: " + why
                + "; send instances instead, or retry", cause);
        with("field", "entities");
        with("featureSet", featureSet);
    }

    @Override
    public Optional<Duration> retryAfter() {
        return Optional.of(Duration.ofSeconds(1));
    }
}
