package io.mlops.inference.online;

import io.mlops.domain.id.ModelVersionRef;
import io.mlops.support.web.ApiProblem;
import org.springframework.http.HttpStatus;

/** {@code entities} need the feature set the model was trained on; this model's lineage names none (422). */
public final class ModelHasNoFeatureSet extends ApiProblem {

    public ModelHasNoFeatureSet(ModelVersionRef ref) {
        super(HttpStatus.UNPROCESSABLE_ENTITY, "model " + ref
                + " names no feature set in its lineage, so entities cannot be looked up; send instances");
        with("field", "entities");
        with("model", ref.model());
        with("version", ref.version());
    }
}
