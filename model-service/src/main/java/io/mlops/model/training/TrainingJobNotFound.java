package io.mlops.model.training;

import io.mlops.support.web.ApiProblem;
import java.util.UUID;
import org.springframework.http.HttpStatus;

/** No training job has this id. */
public class TrainingJobNotFound extends ApiProblem {

  TrainingJobNotFound(String id) {
    super(HttpStatus.NOT_FOUND, "training job '" + id + "' does not exist");
    with("job", id);
  }

  TrainingJobNotFound(UUID id) {
    this(id.toString());
  }
}
