package io.mlops.feature.featureset;

import io.mlops.support.web.ApiProblem;
import org.springframework.http.HttpStatus;

public class FeatureSetVersionNotFound extends ApiProblem {

    public FeatureSetVersionNotFound(String name, Object version) {
        super(HttpStatus.NOT_FOUND, "feature set '" + name + "' has no version " + version);
        with("featureSet", name);
        with("version", version);
    }
}
