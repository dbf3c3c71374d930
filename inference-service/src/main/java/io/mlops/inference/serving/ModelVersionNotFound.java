package io.mlops.inference.serving;

import io.mlops.support.web.ApiProblem;
import org.springframework.http.HttpStatus;

/** The registry has no such model version (404). */
public final class ModelVersionNotFound extends ApiProblem {

    public ModelVersionNotFound(String model, int version) {
        super(HttpStatus.NOT_FOUND, "model '" + model + "' has no version " + version);
        with("model", model);
        with("version", version);
    }
}
