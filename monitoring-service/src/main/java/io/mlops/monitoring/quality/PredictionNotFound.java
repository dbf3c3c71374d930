package io.mlops.monitoring.quality;

import io.mlops.support.web.ApiProblem;
import java.util.List;
import org.springframework.http.HttpStatus;

/** Feedback names predictions this service never stored (or whose day was dropped by retention). */
class PredictionNotFound extends ApiProblem {

    PredictionNotFound(List<String> ids) {
        super(HttpStatus.NOT_FOUND, ids.size() == 1 ? "prediction " + ids.getFirst() + " is not known"
                : ids.size() + " predictions are not known");
        with("predictionIds", ids);
    }
}
