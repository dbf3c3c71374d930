package io.mlops.model.training;

import io.mlops.support.web.ApiProblem;
import java.util.List;
import org.springframework.http.HttpStatus;

/** The requested label is not one of the feature set's label columns. */
public class LabelColumnNotFound extends ApiProblem {

  LabelColumnNotFound(String label, String featureSet, List<String> labels) {
    super(HttpStatus.UNPROCESSABLE_ENTITY, "'" + label + "' is not a label column of feature set '" + featureSet
        + "'; its labels are " + labels);
    with("field", "labelColumn");
    with("labelColumns", labels);
  }
}
