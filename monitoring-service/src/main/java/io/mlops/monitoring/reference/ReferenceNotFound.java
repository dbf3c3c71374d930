package io.mlops.monitoring.reference;

import io.mlops.domain.id.ModelVersionRef;
import io.mlops.support.web.ApiProblem;
import org.springframework.http.HttpStatus;

/** No reference is registered for the model version. */
public class ReferenceNotFound extends ApiProblem {

    public ReferenceNotFound(ModelVersionRef model) {
        super(HttpStatus.NOT_FOUND, "model version " + model + " has no reference");
        with("model", model.model());
        with("version", model.version());
    }
}
