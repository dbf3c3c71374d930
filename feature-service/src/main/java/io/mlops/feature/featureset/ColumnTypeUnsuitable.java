package io.mlops.feature.featureset;

import io.mlops.domain.data.ColumnType;
import io.mlops.support.web.ApiProblem;
import org.springframework.http.HttpStatus;

/** A column whose type cannot play its role, e.g. an event-time column that holds no dates. */
class ColumnTypeUnsuitable extends ApiProblem {

    ColumnTypeUnsuitable(String role, String column, ColumnType type, String needs) {
        super(HttpStatus.UNPROCESSABLE_CONTENT, role + " column '" + column + "' is " + type + " but must be " + needs);
        with("column", column);
        with("role", role);
        with("columnType", type.name());
    }
}
