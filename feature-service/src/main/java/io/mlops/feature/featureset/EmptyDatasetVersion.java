package io.mlops.feature.featureset;

import io.mlops.support.web.ApiProblem;
import org.springframework.http.HttpStatus;

class EmptyDatasetVersion extends ApiProblem {

    EmptyDatasetVersion(String dataset, int version) {
        super(HttpStatus.UNPROCESSABLE_CONTENT, "dataset " + dataset + "@" + version + " has no rows to fit features on");
        with("dataset", dataset);
        with("datasetVersion", version);
    }
}
