package io.mlops.data.version;

import io.mlops.support.web.ApiProblem;
import org.springframework.http.HttpStatus;

/** The dataset exists but has no such version (never had it, or an admin deleted it). */
public class DatasetVersionNotFound extends ApiProblem {

    DatasetVersionNotFound(String dataset, String version) {
        super(HttpStatus.NOT_FOUND, "dataset '" + dataset + "' has no version " + version);
        with("dataset", dataset);
        with("version", version);
    }
}
