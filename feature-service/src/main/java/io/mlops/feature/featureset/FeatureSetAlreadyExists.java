package io.mlops.feature.featureset;

import io.mlops.support.web.ApiProblem;
import org.springframework.http.HttpStatus;

class FeatureSetAlreadyExists extends ApiProblem {

    FeatureSetAlreadyExists(String name) {
        super(HttpStatus.CONFLICT, "feature set '" + name + "' already exists; add a version instead");
        with("featureSet", name);
    }
}
