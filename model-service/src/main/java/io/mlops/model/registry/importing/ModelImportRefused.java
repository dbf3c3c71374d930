package io.mlops.model.registry.importing;

import io.mlops.support.web.ApiProblem;
import org.springframework.http.HttpStatus;

/** The uploaded module or its signature cannot become a model version; nothing of it was kept. */
final class ModelImportRefused extends ApiProblem {

  ModelImportRefused(String problem, String detail, Throwable cause) {
    super(HttpStatus.UNPROCESSABLE_CONTENT, detail, cause);
    with("problem", problem);
  }

  static ModelImportRefused because(RuntimeException cause) {
    return new ModelImportRefused(cause.getClass().getSimpleName(), "the model is refused: " + cause.getMessage(), cause);
  }

  static ModelImportRefused signature(String detail) {
    return new ModelImportRefused("SignatureInvalid", "the signature is refused: " + detail, null);
  }
}
