package io.mlops.monitoring.reference;

import io.mlops.support.web.ApiProblem;
import org.springframework.http.HttpStatus;

/** The reference sample is not a CSV with a header row and rows of the header's width. */
class ReferenceSampleInvalid extends ApiProblem {

    ReferenceSampleInvalid(String detail) {
        super(HttpStatus.UNPROCESSABLE_CONTENT, "reference sample is not a usable CSV: " + detail);
    }
}
