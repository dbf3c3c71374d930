package io.mlops.feature.featureset;

import io.mlops.support.web.ApiProblem;
import org.springframework.http.HttpStatus;

/** An entity, event-time or label column that the dataset version does not have. */
class ColumnNotInDataset extends ApiProblem {

    ColumnNotInDataset(String role, String column, String dataset, int version) {
        super(HttpStatus.UNPROCESSABLE_CONTENT, role + " column '" + column + "' is not in dataset " + dataset + "@" + version);
        with("column", column);
        with("role", role);
    }
}
