package io.mlops.model.registry;

import io.mlops.support.web.ApiProblem;
import org.springframework.http.HttpStatus;

/** A field of a registration cannot be stored as given, e.g. a null tag value or a non-finite metric. */
public final class RegistrationInvalid extends ApiProblem {

  RegistrationInvalid(String field, String detail) {
    super(HttpStatus.UNPROCESSABLE_CONTENT, field + " " + detail);
    with("field", field);
  }
}
