package io.mlops.data.dataset.web;

import io.mlops.support.web.ApiProblem;
import org.springframework.http.HttpStatus;

/** A tag that cannot be stored: null, or holding a NUL character (which PostgreSQL's jsonb refuses). */
class TagInvalid extends ApiProblem {

    TagInvalid(String field, String reason) {
        super(HttpStatus.BAD_REQUEST, "invalid field '" + field + "': " + reason);
        with("field", field);
    }
}
