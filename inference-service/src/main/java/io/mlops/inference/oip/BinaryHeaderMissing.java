package io.mlops.inference.oip;

import io.mlops.support.web.ApiProblem;
import org.springframework.http.HttpStatus;

/**
 * An infer body labelled application/octet-stream, the binary extension's type, without the header that says where its
 * JSON ends: it cannot be split into request and tensor data (415, naming the header).
 */
final class BinaryHeaderMissing extends ApiProblem {

    BinaryHeaderMissing() {
        super(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "an application/octet-stream body is the binary tensor data extension's and"
                + " needs the " + BinaryTensors.HEADER + " header; send a JSON request as application/json or with no Content-Type");
        with("field", BinaryTensors.HEADER);
    }
}
