package io.mlops.inference.serving;

import io.mlops.support.web.ApiProblem;
import org.springframework.http.HttpStatus;

/** A request row's features do not fit the model's signature (422), naming the field, e.g. {@code instances[3].petal_width}. */
public final class InvalidFeatures extends ApiProblem {

    private final String field;

    public InvalidFeatures(String field, String message) {
        super(HttpStatus.UNPROCESSABLE_ENTITY, field + ": " + message);
        this.field = field;
        with("field", field);
    }

    public String field() {
        return field;
    }
}
