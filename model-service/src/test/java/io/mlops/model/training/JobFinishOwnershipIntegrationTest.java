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
    JobLease lease = runningJobWithTrials("instance-a");
    UUID id = lease.job();
    JobLease other = new JobLease(id, "instance-b", lease.attempt());

    assertThat(rows.finish(other, JobState.FAILED, null, null, "not mine")).isFalse();
    assertThat(rows.finish(other, JobState.CANCELLED, null, null, "not mine")).isFalse();
    JobRow untouched = rows.find(id).orElseThrow();
    assertThat(untouched.state()).isEqualTo(JobState.RUNNING);
    assertThat(untouched.error()).isNull();
    assertThat(trialStates(id)).containsExactly("SUCCEEDED", "RUNNING");

    assertThat(rows.finish(lease, JobState.CANCELLED, null, null, "cancelled")).isTrue();
    assertThat(rows.find(id).orElseThrow().state()).isEqualTo(JobState.CANCELLED);
    assertThat(trialStates(id)).containsExactly("SUCCEEDED", "FAILED");

    // finished: not running any more, so even its owner changes nothing
    assertThat(rows.finish(lease, JobState.FAILED, null, null, "again")).isFalse();
    assertThat(rows.find(id).orElseThrow().state()).isEqualTo(JobState.CANCELLED);
  }

  @Test
  void aSucceededJobLeavesItsTrialsAsTheyAre() {
    JobLease lease = runningJobWithTrials("instance-a");

    assertThat(rows.finish(lease, JobState.SUCCEEDED, "{}", null, null)).isTrue();
    assertThat(trialStates(lease.job())).containsExactly("SUCCEEDED", "RUNNING");
  }

  @Test
  void anEarlierRunOfTheSameInstanceChangesNothingOnceTheJobWasClaimedAgain() {
    JobLease first = runningJobWithTrials("instance-a");
    UUID id = first.job();
    JobLease second;
    dispatcher.claiming(false);
    try {
      // a database outage outlasted stale-after: recovery re-queued the job, then this same instance
      // claimed it again while its first run was still going (workers >= 2)
      jdbc.sql("UPDATE training_jobs SET state = 'QUEUED', owner = NULL WHERE id = ?").param(id).update();
      second = rows.claim(id, "instance-a").orElseThrow();
    } finally {
      dispatcher.claiming(true);
    }
    assertThat(second.attempt()).isEqualTo(first.attempt() + 1);

    assertThat(rows.progress(first, "{}")).isEmpty();
    assertThat(rows.finish(first, JobState.FAILED, null, null, "superseded")).isFalse();
    rows.requeue(first);
    JobRow untouched = rows.find(id).orElseThrow();
    assertThat(untouched.state()).isEqualTo(JobState.RUNNING);
    assertThat(untouched.error()).isNull();
    assertThat(untouched.progress()).isNull();

    assertThat(rows.progress(second, "{}")).contains(false);
    assertThat(rows.finish(second, JobState.SUCCEEDED, "{}", null, null)).isTrue();
  }

  /** A RUNNING job claimed by {@code owner} with trial 1 scored and trial 2 running; the dispatcher never sees it. */
  private JobLease runningJobWithTrials(String owner) {
    String model = uniqueName("finish-owner");
    UUID id = UUID.randomUUID();
    JobLease lease;
    dispatcher.claiming(false);
    try {
      rows.insert(id, model, EventJson.mapper().writeValueAsString(Map.of("modelName", model)));
      lease = rows.claim(id, owner).orElseThrow();
    } finally {
      dispatcher.claiming(true);
    }
    rows.trialStarted(id, 1, "{}", "accuracy");
    rows.trialScored(id, 1, "[0.9]", 0.9, true);
    rows.trialStarted(id, 2, "{}", "accuracy");
    return lease;
  }

  private List<String> trialStates(UUID id) {
    return rows.trials(id).stream().map(TrialRow::state).toList();
  }
}
