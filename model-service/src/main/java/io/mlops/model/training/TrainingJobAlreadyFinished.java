package io.mlops.model.training;

import io.mlops.support.web.ApiProblem;
import java.util.UUID;
import org.springframework.http.HttpStatus;

/** A cancel arrived for a job that already ended. */
public class TrainingJobAlreadyFinished extends ApiProblem {

  TrainingJobAlreadyFinished(UUID id, JobState state) {
    super(HttpStatus.CONFLICT, "training job " + id + " already ended as " + state);
    with("job", id.toString());
    with("state", state.name());
  }
}
