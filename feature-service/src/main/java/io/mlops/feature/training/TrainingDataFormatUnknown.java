package io.mlops.feature.training;

import io.mlops.support.web.ApiProblem;
import org.springframework.http.HttpStatus;

class TrainingDataFormatUnknown extends ApiProblem {

    TrainingDataFormatUnknown(String format) {
        super(HttpStatus.BAD_REQUEST, "format '" + format + "' is unknown: use csv or jsonl");
        with("field", "format");
    }
}
