package io.mlops.data.dataset;

import io.mlops.support.web.ApiProblem;
import org.springframework.http.HttpStatus;

/** No dataset has this name. */
public class DatasetNotFound extends ApiProblem {

    DatasetNotFound(String name) {
        super(HttpStatus.NOT_FOUND, "dataset '" + name + "' does not exist");
        with("dataset", name);
    }
}
