package io.mlops.model.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mlops.events.EventJson;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A trained model is registered only by the instance that still owns the job, in the transaction
 * that marks the job SUCCEEDED: a job taken over after missed heartbeats, or run again after it
 * finished, never adds a second version or a second ModelTrained.
 */
class TrainingRegistrationOwnershipIntegrationTest extends TrainingTestBase {

  @Autowired
  JobExecution execution;

  @Test
  void onlyTheCurrentOwnerRegistersAndAFinishedJobNeverRegistersAgain() {
    String model = uniqueName("iris-takeover");
    Map<String, Object> request = TrainingJobLifecycleIntegrationTest.irisLogistic(model, 5);
    UUID id = UUID.randomUUID();
    JobLease instanceA;
    dispatcher.claiming(false); // this test plays both instances; the dispatcher must not take the job
    try {
      rows.insert(id, model, EventJson.mapper().writeValueAsString(request));
      instanceA = rows.claim(id, "instance-a").orElseThrow();
    } finally {
      dispatcher.claiming(true);
    }
    TrainingPlan plan = TrainingPlan.of(EventJson.mapper().readValue(EventJson.mapper().writeValueAsString(request),
        TrainingJobRequest.class));
    var progress = new ProgressReporter(instanceA, rows, Duration.ofMillis(100), new AtomicBoolean());

    try (JobExecution.Trained trained = execution.train(id, plan, progress)) {
      // instance-a stalled after training: recovery gave the job to instance-b, which claimed it
      jdbc.sql("UPDATE training_jobs SET owner = 'instance-b', attempts = attempts + 1, heartbeat_at = now() WHERE id = ?")
          .param(id).update();

      assertThatThrownBy(() -> execution.register(instanceA, plan, trained)).isInstanceOf(JobNoLongerOwned.class);
      assertThat(versions(model)).isZero();
      assertThat(modelTrainedEvents(model)).isZero();
      JobRow stolen = rows.find(id).orElseThrow();
      assertThat(stolen.state()).isEqualTo(JobState.RUNNING);
      assertThat(stolen.owner()).isEqualTo("instance-b");
      assertThat(stolen.modelVersion()).isNull();

      JobLease instanceB = new JobLease(id, "instance-b", instanceA.attempt() + 1);
      JobExecution.Outcome outcome = execution.register(instanceB, plan, trained);
      assertThat(outcome.modelVersion()).isEqualTo(1);
      JobRow finished = rows.find(id).orElseThrow();
      assertThat(finished.state()).isEqualTo(JobState.SUCCEEDED);
      assertThat(finished.modelVersion()).isEqualTo(1);
      assertThat(EventJson.mapper().readTree(finished.result()).get("modelVersion").asInt()).isEqualTo(1);

      // the same job run again (a crash after commit, a redelivery): refused, nothing added
      assertThatThrownBy(() -> execution.register(instanceB, plan, trained)).isInstanceOf(JobNoLongerOwned.class);
      assertThat(versions(model)).isEqualTo(1);
      assertThat(modelTrainedEvents(model)).isEqualTo(1);
      assertThat(rows.find(id).orElseThrow().state()).isEqualTo(JobState.SUCCEEDED);
    }
  }

  long versions(String model) {
    return jdbc.sql("SELECT count(*) FROM model_versions v JOIN models m ON m.id = v.model_id WHERE m.name = ?")
        .param(model).query(Long.class).single();
  }

  long modelTrainedEvents(String model) {
    return jdbc.sql("SELECT count(*) FROM outbox_event WHERE event_type = 'ModelTrained' AND record_key = ?")
        .param(model).query(Long.class).single();
  }
}
