package io.mlops.data.dataset;

import io.mlops.support.web.ApiProblem;
import org.springframework.http.HttpStatus;

/** A dataset name breaks {@link io.mlops.domain.id.Names}: path characters, spaces, too long, empty. */
public class DatasetNameInvalid extends ApiProblem {

    DatasetNameInvalid(String name, String reason) {
        super(HttpStatus.BAD_REQUEST, reason);
        with("field", "name");
        with("value", name);
    }
}
