package io.mlops.inference.routing;

import io.mlops.support.web.ApiProblem;
import org.springframework.http.HttpStatus;

/** A traffic split that cannot route anything: no route, a negative weight, a version below 1 (422). */
public final class SplitInvalid extends ApiProblem {

    SplitInvalid(String field, String message) {
        super(HttpStatus.UNPROCESSABLE_ENTITY, field + ": " + message);
        with("field", field);
    }
}
