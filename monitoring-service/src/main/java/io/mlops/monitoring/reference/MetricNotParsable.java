package io.mlops.monitoring.reference;

import io.mlops.support.web.ApiProblem;
import org.springframework.http.HttpStatus;

/** A {@code metric} parameter is not {@code name:number}. */
class MetricNotParsable extends ApiProblem {

    MetricNotParsable(String value) {
        super(HttpStatus.BAD_REQUEST, "metric '" + value + "' is not name:number");
        with("field", "metric");
    }
}
