package io.mlops.model.registry;

import io.mlops.support.web.ApiProblem;
import org.springframework.http.HttpStatus;

/** No model has this name. */
public final class ModelNotFound extends ApiProblem {

  public ModelNotFound(String model) {
    super(HttpStatus.NOT_FOUND, "model '" + model + "' does not exist");
    with("model", model);
  }
}
