package io.mlops.feature.featureset;

import io.mlops.support.web.ApiProblem;
import org.springframework.http.HttpStatus;

/** A row without an entity key or with an event time that is missing or unreadable. */
class RowValueMissing extends ApiProblem {

    RowValueMissing(String role, String column, long row, Object value) {
        super(HttpStatus.UNPROCESSABLE_CONTENT, role + " column '" + column + "' has no usable value at row " + row
                + (value == null ? "" : ": '" + value + "'"));
        with("column", column);
        with("role", role);
        with("row", row);
    }
}
