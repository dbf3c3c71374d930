package io.mlops.model.registry.web;

import io.mlops.support.web.ApiProblem;
import org.springframework.http.HttpStatus;

/** Search parameters that cannot be combined (a threshold without a metric). */
final class SearchInvalid extends ApiProblem {

  SearchInvalid(String field, String detail) {
    super(HttpStatus.BAD_REQUEST, detail);
    with("field", field);
  }
}
