package io.mlops.model.retraining;

import io.mlops.support.web.ApiProblem;
import org.springframework.http.HttpStatus;

/** The model exists but has no retraining policy (retraining is off for it). */
public final class RetrainingPolicyNotFound extends ApiProblem {

  RetrainingPolicyNotFound(String model) {
    super(HttpStatus.NOT_FOUND, "model '" + model + "' has no retraining policy (retraining is off)");
    with("model", model);
  }
}
