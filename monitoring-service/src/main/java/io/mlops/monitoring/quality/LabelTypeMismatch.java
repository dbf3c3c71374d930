package io.mlops.monitoring.quality;

import io.mlops.support.web.ApiProblem;
import org.springframework.http.HttpStatus;

/** The true value's JSON type does not match the prediction: a number for regression, a string label for classification. */
class LabelTypeMismatch extends ApiProblem {

    LabelTypeMismatch(String predictionId, String expected, int index) {
        super(HttpStatus.UNPROCESSABLE_CONTENT, "prediction " + predictionId + " needs " + expected + " as its actual value");
        with("predictionId", predictionId);
        with("field", "actual");
        with("index", index);
    }
}
