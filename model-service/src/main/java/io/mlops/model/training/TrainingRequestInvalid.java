package io.mlops.model.training;

import io.mlops.support.web.ApiProblem;
import org.springframework.http.HttpStatus;

/** A training job request that cannot be run as given; names the field. */
public class TrainingRequestInvalid extends ApiProblem {

  TrainingRequestInvalid(String field, String detail) {
    super(HttpStatus.UNPROCESSABLE_ENTITY, field + ": " + detail);
    with("field", field);
  }
}
