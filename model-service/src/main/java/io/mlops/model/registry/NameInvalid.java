package io.mlops.model.registry;

import io.mlops.domain.id.Names;
import io.mlops.support.web.ApiProblem;
import org.springframework.http.HttpStatus;

/** A model or alias name breaks the naming rule ({@link Names}). */
public final class NameInvalid extends ApiProblem {

  private NameInvalid(String kind, IllegalArgumentException cause) {
    super(HttpStatus.BAD_REQUEST, cause.getMessage(), cause);
    with("field", kind);
  }

  static String require(String kind, String name) {
    try {
      return Names.require(kind, name);
    } catch (IllegalArgumentException e) {
      throw new NameInvalid(kind, e);
    }
  }
}
