package io.mlops.monitoring.reference;

import io.mlops.support.web.ApiProblem;
import org.springframework.http.HttpStatus;

/** The label column named for a reference is not in its sample. */
class LabelColumnNotFound extends ApiProblem {

    LabelColumnNotFound(String column) {
        super(HttpStatus.UNPROCESSABLE_CONTENT, "label column '" + column + "' is not in the reference sample");
        with("column", column);
    }
}
