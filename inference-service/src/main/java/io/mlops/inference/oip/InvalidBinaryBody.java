package io.mlops.inference.oip;

import io.mlops.support.web.ApiProblem;
import org.springframework.http.HttpStatus;

/** A binary-data infer body does not add up: its inference header length, or the binary part after it (400). */
final class InvalidBinaryBody extends ApiProblem {

    InvalidBinaryBody(String message) {
        super(HttpStatus.BAD_REQUEST, message);
        with("field", BinaryTensors.HEADER);
    }
}
