package io.mlops.model.training;

import static org.assertj.core.api.Assertions.assertThat;

import io.mlops.events.EventJson;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Finishing a failed or cancelled job fails its running trials, but only for the instance that owns
 * the job: one that lost it (recovery gave it to another instance) changes neither the job nor its trials.
 */
class JobFinishOwnershipIntegrationTest extends TrainingTestBase {

  @Test
  void onlyTheOwnerFailsTheJobAndItsRunningTrials() {
    UUID id = runningJobWithTrials("instance-a");

    assertThat(rows.finish(id, "instance-b", JobState.FAILED, null, null, "not mine")).isFalse();
    assertThat(rows.finish(id, "instance-b", JobState.CANCELLED, null, null, "not mine")).isFalse();
    JobRow untouched = rows.find(id).orElseThrow();
    assertThat(untouched.state()).isEqualTo(JobState.RUNNING);
    assertThat(untouched.error()).isNull();
    assertThat(trialStates(id)).containsExactly("SUCCEEDED", "RUNNING");

    assertThat(rows.finish(id, "instance-a", JobState.CANCELLED, null, null, "cancelled")).isTrue();
    assertThat(rows.find(id).orElseThrow().state()).isEqualTo(JobState.CANCELLED);
    assertThat(trialStates(id)).containsExactly("SUCCEEDED", "FAILED");

    // finished: not running any more, so even its owner changes nothing
    assertThat(rows.finish(id, "instance-a", JobState.FAILED, null, null, "again")).isFalse();
    assertThat(rows.find(id).orElseThrow().state()).isEqualTo(JobState.CANCELLED);
  }

  @Test
  void aSucceededJobLeavesItsTrialsAsTheyAre() {
    UUID id = runningJobWithTrials("instance-a");

    assertThat(rows.finish(id, "instance-a", JobState.SUCCEEDED, "{}", null, null)).isTrue();
    assertThat(trialStates(id)).containsExactly("SUCCEEDED", "RUNNING");
  }

  /** A RUNNING job owned by {@code owner} with trial 1 scored and trial 2 running; the dispatcher never sees it. */
  private UUID runningJobWithTrials(String owner) {
    String model = uniqueName("finish-owner");
    UUID id = UUID.randomUUID();
    dispatcher.claiming(false);
    try {
      rows.insert(id, model, EventJson.mapper().writeValueAsString(Map.of("modelName", model)));
      assertThat(rows.claim(id, owner)).isTrue();
    } finally {
      dispatcher.claiming(true);
    }
    rows.trialStarted(id, 1, "{}", "accuracy");
    rows.trialScored(id, 1, "[0.9]", 0.9, true);
    rows.trialStarted(id, 2, "{}", "accuracy");
    return id;
  }

  private List<String> trialStates(UUID id) {
    return rows.trials(id).stream().map(TrialRow::state).toList();
  }
}
