package io.mlops.data.dataset.web;

import io.mlops.support.web.ApiProblem;
import org.springframework.http.HttpStatus;

/** A declared schema that cannot be a schema at all, e.g. a rule without a column name. */
class DeclaredSchemaInvalid extends ApiProblem {

    DeclaredSchemaInvalid(String field, String reason) {
        super(HttpStatus.BAD_REQUEST, "invalid field '" + field + "': " + reason);
        with("field", field);
    }
}
