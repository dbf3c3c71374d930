package io.mlops.feature.training;

import io.mlops.support.web.ApiProblem;
import org.springframework.http.HttpStatus;

class PointInTimeRowUnreadable extends ApiProblem {

    PointInTimeRowUnreadable(int index, String reason) {
        super(HttpStatus.UNPROCESSABLE_CONTENT, "rows[" + index + "]: " + reason);
        with("field", "rows[" + index + "]");
    }
}
