package io.mlops.data.dataset;

import io.mlops.support.web.ApiProblem;
import org.springframework.http.HttpStatus;

/** A dataset of this name exists; names are unique. */
public class DatasetAlreadyExists extends ApiProblem {

    DatasetAlreadyExists(String name) {
        super(HttpStatus.CONFLICT, "dataset '" + name + "' already exists");
        with("dataset", name);
    }
}
