package io.mlops.feature.featureset;

import io.mlops.support.web.ApiProblem;
import org.springframework.http.HttpStatus;

public class FeatureSetNotFound extends ApiProblem {

    FeatureSetNotFound(String name) {
        super(HttpStatus.NOT_FOUND, "feature set '" + name + "' does not exist");
        with("featureSet", name);
    }
}
