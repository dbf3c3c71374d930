package io.mlops.model.registry;

import io.mlops.support.web.ApiProblem;
import org.springframework.http.HttpStatus;

/** An archive given to register is not a usable ml-runtime artifact; nothing of it was kept. */
public final class ArtifactInvalid extends ApiProblem {

  ArtifactInvalid(RuntimeException cause) {
    super(HttpStatus.UNPROCESSABLE_CONTENT, "the model artifact is refused: " + cause.getMessage(), cause);
    with("problem", cause.getClass().getSimpleName());
  }
}
