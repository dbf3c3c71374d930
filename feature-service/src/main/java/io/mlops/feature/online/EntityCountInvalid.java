package io.mlops.feature.online;

import io.mlops.support.web.ApiProblem;
import org.springframework.http.HttpStatus;

/** A lookup names no entity or more than the limit (400, as the other malformed requests). */
class EntityCountInvalid extends ApiProblem {

    EntityCountInvalid(int count, int max) {
        super(HttpStatus.BAD_REQUEST, "entities: a lookup names 1 to " + max + " entities, this one " + count);
        with("field", "entities");
        with("count", count);
    }
}
