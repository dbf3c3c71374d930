package io.mlops.model.registry;

import io.mlops.support.web.ApiProblem;
import org.springframework.http.HttpStatus;

/** The model exists but has no such version. */
public final class ModelVersionNotFound extends ApiProblem {

  public ModelVersionNotFound(String model, int version) {
    super(HttpStatus.NOT_FOUND, "model '" + model + "' has no version " + version);
    with("model", model);
    with("version", version);
  }
}
