package io.mlops.inference.oip;

import io.mlops.support.web.ApiProblem;
import org.springframework.http.HttpStatus;

/** An OIP input tensor is malformed: shape, datatype, element count or name (400), naming the input. */
final class InvalidTensor extends ApiProblem {

    InvalidTensor(String input, String message) {
        super(HttpStatus.BAD_REQUEST, "input '" + input + "': " + message);
        with("field", "inputs." + input);
    }
}
