package io.mlops.model.training.data;

import io.mlops.support.web.ApiProblem;
import org.springframework.http.HttpStatus;

/** The feature-service has no such feature set or version: the request refers to something absent (422). */
public class FeatureSetNotFound extends ApiProblem {

  FeatureSetNotFound(String name, Integer version) {
    super(HttpStatus.UNPROCESSABLE_ENTITY, "feature set '" + name + "'" + (version == null ? "" : " version " + version)
        + " does not exist in the feature-service");
    with("featureSet", name);
    with("featureSetVersion", version);
    with("field", version == null ? "featureSet" : "featureSetVersion");
  }
}
