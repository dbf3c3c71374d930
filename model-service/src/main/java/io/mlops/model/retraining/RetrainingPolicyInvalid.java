package io.mlops.model.retraining;

import io.mlops.support.web.ApiProblem;
import org.springframework.http.HttpStatus;

/** A retraining policy request that cannot be stored as given; names the field. */
public final class RetrainingPolicyInvalid extends ApiProblem {

  RetrainingPolicyInvalid(String field, String detail) {
    super(HttpStatus.UNPROCESSABLE_ENTITY, field + ": " + detail);
    with("field", field);
  }
}
