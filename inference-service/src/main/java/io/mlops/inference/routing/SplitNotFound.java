package io.mlops.inference.routing;

import io.mlops.support.web.ApiProblem;
import org.springframework.http.HttpStatus;

/** No traffic split is configured for the alias on this instance (404). */
final class SplitNotFound extends ApiProblem {

    SplitNotFound(String model, String alias) {
        super(HttpStatus.NOT_FOUND, "no traffic split for " + model + "@" + alias);
        with("model", model);
        with("alias", alias);
    }
}
