package io.mlops.feature.featureset;

import io.mlops.support.web.ApiProblem;
import org.springframework.http.HttpStatus;

class FeatureSetNameInvalid extends ApiProblem {

    FeatureSetNameInvalid(String name) {
        super(HttpStatus.UNPROCESSABLE_CONTENT, "feature set name '" + name
                + "' is invalid: use 1-128 letters, digits, '.', '_' or '-', starting with a letter or digit");
        with("field", "name");
    }
}
