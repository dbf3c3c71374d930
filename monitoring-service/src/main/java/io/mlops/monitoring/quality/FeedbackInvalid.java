package io.mlops.monitoring.quality;

import io.mlops.support.web.ApiProblem;
import org.springframework.http.HttpStatus;

/** The feedback body is not an item, an array of items, or an item lacks a valid predictionId or actual. */
class FeedbackInvalid extends ApiProblem {

    FeedbackInvalid(String detail, int index) {
        super(HttpStatus.BAD_REQUEST, detail);
        with("index", index);
    }
}
