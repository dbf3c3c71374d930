package io.mlops.model.training.data;

import io.mlops.support.web.ApiProblem;
import java.time.Duration;
import java.util.Optional;
import org.springframework.http.HttpStatus;

/** The feature-service did not answer usefully; the request may be retried. */
public class FeatureServiceUnavailable extends ApiProblem {

  FeatureServiceUnavailable(String detail, Throwable cause) {
    super(HttpStatus.SERVICE_UNAVAILABLE, "feature-service unavailable: " + detail, cause);
  }

  @Override
  public Optional<Duration> retryAfter() {
    return Optional.of(Duration.ofSeconds(5));
  }
}
