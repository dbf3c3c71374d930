package io.mlops.model.training;

import static org.assertj.core.api.Assertions.assertThat;

import io.mlops.domain.feature.Transformation;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A feature-service that stops answering mid-job fails the job within the idle timeout (5 s in
 * {@link TrainingTestBase}), whether it sends nothing or stops after the CSV header line, rather than
 * leaving the job RUNNING, its heartbeat fresh, for ever.
 */
class TrainingDataStallIntegrationTest extends TrainingTestBase {

  @Test
  void aStalledTrainingDataAnswerFailsTheJobWithinTheTimeouts() {
    try {
      for (var how : FixtureFeatureService.Stall.values()) {
        var set = new FixtureFeatureService.Set(uniqueName("stalled"), "iris.csv", "species",
            new Transformation.Standardize());
        FEATURES.addVersion(set, FixtureFeatureService.Labels.TRUE);
        FEATURES.stallTrainingData(set, how);
        String model = uniqueName("stalled");
        var job = train(request(model, set, "multiclass", Map.of("type", "logistic-regression"), Map.of("epochs", 1)),
            Duration.ofSeconds(60));

        assertThat(job.get("state")).as("%s: %s", how, job.get("error")).isEqualTo("FAILED");
        assertThat((String) job.get("error")).as("%s", how).contains("feature-service sent no bytes for 5000 ms");
        assertThat(http().get().uri("/api/v1/models/{m}", model).retrieve().toBodilessEntity().getStatusCode().value())
            .isEqualTo(404);
      }
    } finally {
      FEATURES.releaseStalls();
    }
  }
}
