package io.mlops.monitoring.reference;

import io.mlops.domain.id.ModelVersionRef;
import io.mlops.support.web.ApiProblem;
import org.springframework.http.HttpStatus;

/** A path names a model version below 1; versions count from 1. */
public class VersionNotPositive extends ApiProblem {

    VersionNotPositive(int version) {
        super(HttpStatus.BAD_REQUEST, "version must be 1 or more, was " + version);
        with("field", "version");
        with("value", version);
    }

    /**
     * The model version a request path names. Checked here because {@link ModelVersionRef}'s own check throws an
     * IllegalArgumentException, which would answer a 500 (and count as a server error) for the caller's mistake.
     */
    public static ModelVersionRef ref(String name, int version) {
        if (version < 1) {
            throw new VersionNotPositive(version);
        }
        return new ModelVersionRef(name, version);
    }
}
