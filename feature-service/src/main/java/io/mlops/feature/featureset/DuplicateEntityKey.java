package io.mlops.feature.featureset;

import io.mlops.support.web.ApiProblem;
import org.springframework.http.HttpStatus;

/** Without an event-time column each entity must occur once, else "its value" is ambiguous. */
class DuplicateEntityKey extends ApiProblem {

    DuplicateEntityKey(String entity, java.util.List<String> columns, long row) {
        super(HttpStatus.UNPROCESSABLE_CONTENT, "entity '" + entity + "' occurs again at row " + row
                + " and the feature set has no event-time column to order its rows");
        with("entity", entity);
        with("column", String.join(",", columns));
        with("row", row);
    }
}
