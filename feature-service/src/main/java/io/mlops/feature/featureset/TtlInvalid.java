package io.mlops.feature.featureset;

import io.mlops.support.web.ApiProblem;
import java.time.Duration;
import org.springframework.http.HttpStatus;

class TtlInvalid extends ApiProblem {

    TtlInvalid(Duration ttl, Duration max) {
        super(HttpStatus.UNPROCESSABLE_CONTENT, "ttl " + ttl + " is invalid: use a whole number of seconds from PT1S to "
                + max + ", or leave it out for no expiry");
        with("field", "ttl");
    }
}
