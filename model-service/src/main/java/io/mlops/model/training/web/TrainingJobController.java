package io.mlops.model.training.web;

import io.mlops.model.training.TrainingJobRequest;
import io.mlops.model.training.TrainingJobView;
import io.mlops.model.training.TrainingJobs;
import java.net.URI;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/v1/training-jobs}: submit (202 + Location), read with progress and trials, cancel. */
@RestController
@RequestMapping("/api/v1/training-jobs")
class TrainingJobController {

  private final TrainingJobs jobs;

  TrainingJobController(TrainingJobs jobs) {
    this.jobs = jobs;
  }

  @PostMapping
  ResponseEntity<TrainingJobView> submit(@RequestBody TrainingJobRequest request) {
    TrainingJobView job = jobs.submit(request);
    return ResponseEntity.accepted().location(URI.create("/api/v1/training-jobs/" + job.id())).body(job);
  }

  @GetMapping("/{id}")
  TrainingJobView get(@PathVariable String id) {
    return jobs.get(JobIds.parse(id));
  }

  @PostMapping("/{id}:cancel")
  ResponseEntity<TrainingJobView> cancel(@PathVariable String id) {
    return ResponseEntity.accepted().body(jobs.cancel(JobIds.parse(id)));
  }

  private static final class JobIds {
    static UUID parse(String id) {
      try {
        return UUID.fromString(id);
      } catch (IllegalArgumentException e) {
        return new UUID(0, 0); // no job has the nil id: answers 404 like any unknown id
      }
    }
  }
}
