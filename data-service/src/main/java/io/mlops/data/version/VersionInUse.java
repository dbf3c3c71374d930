package io.mlops.data.version;

import io.mlops.support.web.ApiProblem;
import java.util.List;
import org.springframework.http.HttpStatus;

/** A model version was trained on this dataset version: deleting it would break that model's lineage. */
public class VersionInUse extends ApiProblem {

    VersionInUse(String dataset, int version, List<String> models) {
        super(HttpStatus.CONFLICT, "dataset '" + dataset + "' version " + version + " cannot be deleted: models " + models + " were trained on it");
        with("dataset", dataset);
        with("version", version);
        with("models", models);
    }
}
