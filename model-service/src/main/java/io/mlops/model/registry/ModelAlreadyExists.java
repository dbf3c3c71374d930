package io.mlops.model.registry;

import io.mlops.support.web.ApiProblem;
import org.springframework.http.HttpStatus;

/** A model with this name is already registered. */
public final class ModelAlreadyExists extends ApiProblem {

  public ModelAlreadyExists(String model) {
    super(HttpStatus.CONFLICT, "model '" + model + "' already exists");
    with("model", model);
  }
}
