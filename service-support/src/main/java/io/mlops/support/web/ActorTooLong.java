package io.mlops.support.web;

import org.springframework.http.HttpStatus;

/** The {@code X-Actor} header is longer than the actor columns ({@code VARCHAR(200)}) hold. */
public class ActorTooLong extends ApiProblem {

    public ActorTooLong(int length, int maxLength) {
        super(HttpStatus.BAD_REQUEST, "header " + ActorHeaderFilter.HEADER + " has " + length + " characters; at most "
                + maxLength + " are allowed");
        with("field", ActorHeaderFilter.HEADER);
        with("maxLength", maxLength);
    }
}
