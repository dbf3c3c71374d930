package io.mlops.inference.serving;

import io.mlops.support.web.ApiProblem;
import org.springframework.http.HttpStatus;

/** The registry has no such model, or the model has no such alias (404). */
public final class AliasNotFound extends ApiProblem {

    public AliasNotFound(String model, String alias) {
        super(HttpStatus.NOT_FOUND, "model '" + model + "' has no alias '" + alias + "'");
        with("model", model);
        with("alias", alias);
    }
}
