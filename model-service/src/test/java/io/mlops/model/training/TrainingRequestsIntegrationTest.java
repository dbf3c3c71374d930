package io.mlops.model.training;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

/** Refused requests: a ProblemDetail naming the field, and no job row, trial or model left behind. */
class TrainingRequestsIntegrationTest extends TrainingTestBase {

  Map<String, Object> valid() {
    return new LinkedHashMap<>(request(uniqueName("refused"), FixtureFeatureService.IRIS, "multiclass",
        Map.of("type", "mlp", "hiddenSizes", List.of(8)), Map.of("epochs", 1)));
  }

  @Test
  void badRequestsAreRefusedWithTheirFieldAndLeaveNothingBehind() {
    long jobs = count("training_jobs");
    long models = count("models");
    refused(b -> b.put("algorithm", Map.of("type", "mlp", "hiddenSizes", List.of(16, 0))), 422, "algorithm.hiddenSizes");
    refused(b -> b.put("task", "clustering"), 422, "task");
    refused(b -> b.put("labelColumn", "petal_length"), 422, "labelColumn");
    refused(b -> b.put("featureSet", "no-such-set"), 422, "featureSet");
    refused(b -> b.put("featureSetVersion", 9), 422, "featureSetVersion");
    refused(b -> b.put("task", "regression").put("algorithm", Map.of("type", "logistic-regression")), 422,
        "algorithm.type");
    refused(b -> b.put("split", Map.of("type", "every-kth", "k", 1)), 422, "split.k");
    refused(b -> b.put("split", Map.of("type", "stratified")), 422, "split.type");
    refused(b -> b.put("optimizer", Map.of("type", "rmsprop")), 422, "optimizer.type");
    refused(b -> b.put("optimizer", Map.of("earlyStoppingPatience", 3, "validationFraction", 0.0)), 422,
        "optimizer.validationFraction");
    refused(b -> b.put("modelName", "bad name!"), 422, "modelName");
    refused(b -> b.put("search", Map.of("parameters", Map.of("momentum", List.of(0.9)))), 422,
        "search.parameters.momentum");
    refused(b -> b.put("search", Map.of("strategy", "random", "parameters", Map.of("learningRate", List.of(0.1)))), 422,
        "search.trials");
    // search values pass the same checks as the optimizer's own, named by their index
    refused(b -> b.put("search", search("weightDecay", List.of(-0.1))), 422, "search.parameters.weightDecay[0]");
    refused(b -> b.put("search", search("learningRate", List.of(0.01, 50))), 422, "search.parameters.learningRate[1]");
    refused(b -> b.put("search", search("epochs", List.of(100_000))), 422, "search.parameters.epochs[0]");
    refused(b -> b.put("search", search("batchSize", List.of(0.5))), 422, "search.parameters.batchSize[0]");
    refused(b -> b.put("search", search("batchSize", List.of(16, 100_000))), 422, "search.parameters.batchSize[1]");
    refused(b -> b.put("search", search("learningRate", Arrays.asList((Object) null))), 422,
        "search.parameters.learningRate[0]");
    refused(b -> b.put("search", search("hiddenSizes", List.of(List.of(8), Arrays.asList(16, null)))), 422,
        "search.parameters.hiddenSizes[1]");
    refused(b -> b.put("search", search("hiddenSizes", List.of(List.of(8.5)))), 422, "search.parameters.hiddenSizes[0]");
    refused(b -> b.put("search", search("activation", Arrays.asList((Object) null))), 422,
        "search.parameters.activation[0]");
    refused(b -> b.put("search", search("optimizer", List.of("adam", "rmsprop"))), 422, "search.parameters.optimizer[1]");

    var malformed = http().post().uri("/api/v1/training-jobs").contentType(MediaType.APPLICATION_JSON)
        .body("{\"modelName\": ").retrieve().toEntity(String.class);
    assertThat(malformed.getStatusCode().value()).isEqualTo(400);
    assertThat(malformed.getHeaders().getContentType().toString()).contains("problem+json");

    assertThat(count("training_jobs")).isEqualTo(jobs);
    assertThat(count("training_trials")).isZero();
    assertThat(count("models")).isEqualTo(models);
  }

  @Test
  void aLabelThatAFeatureReadsIsRefused() {
    long jobs = count("training_jobs");
    Map<String, Object> body = valid();
    body.put("featureSet", FixtureFeatureService.IRIS_LEAKY.name());
    var response = submit(body);
    assertThat(response.getStatusCode().value()).as("%s", response.getBody()).isEqualTo(422);
    assertThat(response.getBody()).containsEntry("field", "labelColumn").containsEntry("feature", "species_seen");
    assertThat((String) response.getBody().get("detail")).contains("species").contains("species_seen");
    assertThat(count("training_jobs")).isEqualTo(jobs);
  }

  static Map<String, Object> search(String parameter, List<?> values) {
    return Map.of("strategy", "grid", "folds", 2, "parameters", Map.of(parameter, values));
  }

  @Test
  void unknownJobsAre404() {
    assertThat(http().get().uri("/api/v1/training-jobs/{id}", java.util.UUID.randomUUID()).retrieve()
        .toBodilessEntity().getStatusCode().value()).isEqualTo(404);
    assertThat(http().get().uri("/api/v1/training-jobs/not-a-uuid").retrieve()
        .toBodilessEntity().getStatusCode().value()).isEqualTo(404);
    assertThat(http().post().uri("/api/v1/training-jobs/{id}:cancel", java.util.UUID.randomUUID()).retrieve()
        .toBodilessEntity().getStatusCode().value()).isEqualTo(404);
  }

  interface Body {
    Body put(String key, Object value);
  }

  void refused(Consumer<Body> change, int status, String field) {
    Map<String, Object> body = valid();
    change.accept(new Body() {
      @Override
      public Body put(String key, Object value) {
        body.put(key, value);
        return this;
      }
    });
    var response = submit(body);
    assertThat(response.getStatusCode().value()).as("%s -> %s", body, response.getBody()).isEqualTo(status);
    assertThat(response.getBody()).as("%s", response.getBody()).containsEntry("field", field).containsKey("detail");
  }
}
