package io.mlops.feature.online;

import io.mlops.support.web.ApiProblem;
import org.springframework.http.HttpStatus;

class EntityKeyUnreadable extends ApiProblem {

    EntityKeyUnreadable(int index, String reason) {
        super(HttpStatus.UNPROCESSABLE_CONTENT, "entities[" + index + "]: " + reason);
        with("field", "entities[" + index + "]");
    }
}
