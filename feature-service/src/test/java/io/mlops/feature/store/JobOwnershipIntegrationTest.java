package io.mlops.feature.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.mlops.feature.materialization.JobLocks;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * Two replicas share the job table. A job another instance is running (it holds the job's lock) is left to it by this
 * instance's resume sweep: no second run, no reset progress, no second FeaturesCreated. Once that instance is gone
 * (its lock goes with its connection), the sweep takes the job over and finishes it, without a restart.
 */
class JobOwnershipIntegrationTest extends FeatureStoreTestSupport {

    @Autowired
    JobLocks locks;

    @Autowired
    MeterRegistry meters;

    @Test
    void aJobAnotherInstanceRunsIsLeftToItAndTakenOverOnceThatInstanceIsGone() throws Exception {
        createMaterialized("""
                {"name":"iris-owned","dataset":"iris","datasetVersion":1,"entityColumns":["id"],
                 "features":[{"name":"sepal_length","column":"sepal_length","transformations":[{"type":"standardize"}]}]}""");
        long eventsBefore = featuresCreated();
        UUID job = UUID.randomUUID();
        String jobPath = "/api/v1/feature-sets/iris-owned/versions/1/materializations/" + job;

        try (JobLocks.Held otherInstance = locks.tryLock(job).orElseThrow()) {
            // the other instance's run: it holds the lock and has written 42 rows so far
            jdbc.sql("""
                    INSERT INTO materialization_job (id, feature_set, version, state, rows_done, rows_total, created_at, started_at)
                    VALUES (?, 'iris-owned', 1, 'RUNNING', 42, 150, now(), now())""").param(job).update();
            long passed = runningElsewhere();
            await().atMost(WAIT).until(() -> runningElsewhere() >= passed + 2); // two sweeps found it and left it

            JsonNode untouched = get(jobPath);
            assertThat(untouched.get("state").asString()).isEqualTo("RUNNING");
            assertThat(untouched.get("rowsDone").asLong()).isEqualTo(42);
            assertThat(featuresCreated()).isEqualTo(eventsBefore);
        }

        // the other instance is gone: the next sweep reruns the job from the start and finishes it
        JsonNode finished = awaitSucceeded(jobPath);
        assertThat(finished.get("rowsDone").asLong()).isEqualTo(150);
        assertThat(featuresCreated()).isEqualTo(eventsBefore + 1);
    }

    private long runningElsewhere() {
        return meters.find("mlops.feature.materialization").tag("outcome", "running-elsewhere").timers().stream()
                .mapToLong(Timer::count).sum();
    }

    private long featuresCreated() {
        return jdbc.sql("SELECT count(*) FROM outbox_event WHERE event_type = 'FeaturesCreated' AND record_key = 'iris-owned'")
                .query(Long.class).single();
    }
}
