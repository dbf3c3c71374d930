package io.mlops.inference.online;

import io.mlops.support.web.ApiProblem;
import org.springframework.http.HttpStatus;

/** The online store has no features for an entity of the request (422 naming it). */
public final class EntityNotFound extends ApiProblem {

    EntityNotFound(int index, String entity, String featureSet) {
        super(HttpStatus.UNPROCESSABLE_ENTITY, "entities[" + index + "]: entity '" + entity
                + "' has no online features in feature set '" + featureSet + "'");
        with("field", "entities[" + index + "]");
        with("entity", entity);
    }
}
