package io.mlops.model.training;

import io.mlops.support.web.ApiProblem;
import org.springframework.http.HttpStatus;

/**
 * A feature of the set reads the label column: the model would train on its own target, and its
 * signature would require the target at inference.
 */
public class LabelReadByFeature extends ApiProblem {

  LabelReadByFeature(String label, String featureSet, String feature) {
    super(HttpStatus.UNPROCESSABLE_ENTITY, "label column '" + label + "' is also read by feature '" + feature
        + "' of feature set '" + featureSet + "': the model would see its own target; train on another label "
        + "or on a feature set whose features do not read it");
    with("field", "labelColumn");
    with("feature", feature);
  }
}
