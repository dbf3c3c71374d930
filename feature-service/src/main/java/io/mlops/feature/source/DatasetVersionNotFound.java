package io.mlops.feature.source;

import io.mlops.support.web.ApiProblem;
import org.springframework.http.HttpStatus;

/** The data-service answered 404 for a dataset version; for a feature-set definition that is bad input. */
public class DatasetVersionNotFound extends ApiProblem {

    DatasetVersionNotFound(String dataset, String version) {
        super(HttpStatus.UNPROCESSABLE_CONTENT, "dataset '" + dataset + "' has no version " + version + " in the data-service");
        with("dataset", dataset);
        with("datasetVersion", version);
    }
}
