package io.mlops.feature.materialization;

import io.mlops.support.web.ApiProblem;
import java.util.UUID;
import org.springframework.http.HttpStatus;

class MaterializationNotFound extends ApiProblem {

    MaterializationNotFound(UUID id) {
        super(HttpStatus.NOT_FOUND, "materialization " + id + " does not exist for this feature-set version");
        with("materialization", id.toString());
    }
}
