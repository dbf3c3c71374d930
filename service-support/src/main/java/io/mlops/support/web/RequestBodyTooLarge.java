package io.mlops.support.web;

import org.springframework.http.HttpStatus;

/** A request body passed {@code mlops.http.max-request-size}; reading stopped there. */
public class RequestBodyTooLarge extends ApiProblem {

    public RequestBodyTooLarge(long limitBytes) {
        super(HttpStatus.CONTENT_TOO_LARGE, "the request body exceeds the limit of " + limitBytes + " bytes");
        with("field", "body");
        with("limitBytes", limitBytes);
    }
}
