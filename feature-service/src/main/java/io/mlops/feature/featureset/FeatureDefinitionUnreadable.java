package io.mlops.feature.featureset;

import io.mlops.support.web.ApiProblem;
import org.springframework.http.HttpStatus;

/** A feature definition in a request that is not a definition at all (unknown transformation type, wrong shape). */
class FeatureDefinitionUnreadable extends ApiProblem {

    FeatureDefinitionUnreadable(int index, String reason) {
        super(HttpStatus.UNPROCESSABLE_CONTENT, "features[" + index + "] is not a feature definition: " + reason);
        with("field", "features[" + index + "]");
    }
}
