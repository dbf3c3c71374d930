package io.mlops.model.registry;

import io.mlops.support.web.ApiProblem;
import org.springframework.http.HttpStatus;

/** The model has no alias of this name (never set, or removed). */
public final class AliasNotFound extends ApiProblem {

  public AliasNotFound(String model, String alias) {
    super(HttpStatus.NOT_FOUND, "model '" + model + "' has no alias '" + alias + "'");
    with("model", model);
    with("alias", alias);
  }
}
