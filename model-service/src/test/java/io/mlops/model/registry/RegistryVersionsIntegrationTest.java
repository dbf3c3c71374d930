package io.mlops.model.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mlops.domain.model.Task;
import io.mlops.events.EventJson;
import io.mlops.events.ModelTrained;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;

/** Models, versions numbered 1..n, tags, descriptions and search, through the REST API and the Java API. */
class RegistryVersionsIntegrationTest extends RegistryTestBase {

  @Test
  void versionsAreNumberedFromOneAndEachEmitsModelTrainedOnce() {
    String name = uniqueName("iris");
    List<Integer> numbers = List.of(0.91, 0.95, 0.97).stream().map(a -> registerIris(name, a).version()).toList();

    assertThat(numbers).containsExactly(1, 2, 3);
    List<Map<String, Object>> versions = http().get().uri("/api/v1/models/{n}/versions", name).retrieve()
        .body(new ParameterizedTypeReference<>() {});
    assertThat(versions).extracting(v -> v.get("version")).containsExactly(1, 2, 3);
    ModelVersionView second = registry.version(name, 2);
    assertThat(second.task()).isEqualTo(Task.MULTICLASS);
    assertThat(second.kind()).isEqualTo("torchscript");
    assertThat(second.metrics()).containsExactly(Map.entry("accuracy", 0.95));
    assertThat(second.source()).isEqualTo(ModelSource.TRAINED);
    assertThat(second.createdBy()).isEqualTo("trainer");
    assertThat(second.signature().modelInputs()).containsExactlyElementsOf(IRIS_FEATURES);
    assertThat(second.signature().classLabels()).containsExactlyElementsOf(IRIS_CLASSES);
    assertThat(registry.model(name).latestVersion()).isEqualTo(3);

    List<ModelTrained> events = outboxPayloads("ModelTrained", name).stream()
        .map(json -> (ModelTrained) EventJson.read(json).payload()).toList();
    assertThat(events).extracting(e -> e.model().version()).containsExactly(1, 2, 3);
    assertThat(events.get(1).artifactSha256()).isEqualTo(second.artifactSha256());
    assertThat(events.get(1).metrics().values()).containsEntry("accuracy", 0.95);
  }

  @Test
  void concurrentRegistrationsOfANewModelGetDistinctConsecutiveNumbers() {
    String name = uniqueName("race");
    List<Path> archives = List.of(0.81, 0.82, 0.83, 0.84).stream().map(a -> irisArchive(Map.of("accuracy", a))).toList();

    List<Integer> numbers = archives.stream()
        .map(a -> CompletableFuture.supplyAsync(() -> registry.register(RegisterVersion.trained(name, a, null, null, null, "t"))))
        .toList().stream().map(f -> f.join().version()).toList();

    assertThat(numbers).containsExactlyInAnyOrder(1, 2, 3, 4);
    assertThat(registry.versions(name)).hasSize(4);
  }

  @Test
  void createsAModelOnceAndAnswersUnknownNamesAndVersionsWith404() {
    String name = uniqueName("created");
    var created = http().post().uri("/api/v1/models").contentType(MediaType.APPLICATION_JSON)
        .body(Map.of("name", name, "description", "first", "tags", Map.of("team", "risk")))
        .retrieve().toEntity(String.class);
    assertThat(created.getStatusCode().value()).isEqualTo(201);
    assertThat(created.getHeaders().getLocation()).hasToString("/api/v1/models/" + name);

    assertProblem(http().post().uri("/api/v1/models").contentType(MediaType.APPLICATION_JSON)
        .body(Map.of("name", name)).retrieve().toEntity(String.class), 409, "already exists");
    assertProblem(http().post().uri("/api/v1/models").contentType(MediaType.APPLICATION_JSON)
        .body(Map.of("name", "../etc")).retrieve().toEntity(String.class), 400, "invalid");
    assertProblem(http().get().uri("/api/v1/models/no-such-model").retrieve().toEntity(String.class), 404,
        "model 'no-such-model' does not exist");
    assertProblem(http().get().uri("/api/v1/models/no-such-model/versions").retrieve().toEntity(String.class), 404,
        "does not exist");
    assertProblem(http().get().uri("/api/v1/models/{n}/versions/1", name).retrieve().toEntity(String.class), 404,
        "has no version 1");
    assertProblem(http().get().uri("/api/v1/models/no-such-model/versions/1").retrieve().toEntity(String.class), 404,
        "model 'no-such-model' does not exist");
  }

  @Test
  void patchesTagsAndDescriptionsOfModelsAndVersions() {
    String name = uniqueName("tagged");
    registry.createModel(name, "old", Map.of("team", "risk", "stale", "yes"));
    registerIris(name, 0.9);
    Map<String, String> changes = new LinkedHashMap<>();
    changes.put("stage", "beta");
    changes.put("stale", null);

    var model = http().patch().uri("/api/v1/models/{n}", name).contentType(MediaType.APPLICATION_JSON)
        .body(Map.of("description", "new", "tags", changes)).retrieve().body(ModelSummary.class);
    var version = http().patch().uri("/api/v1/models/{n}/versions/1", name).contentType(MediaType.APPLICATION_JSON)
        .body(Map.of("tags", Map.of("reviewed", "true"))).retrieve().body(ModelVersionView.class);

    assertThat(model.description()).isEqualTo("new");
    assertThat(model.tags()).containsOnly(Map.entry("team", "risk"), Map.entry("stage", "beta"));
    assertThat(version.tags()).containsOnly(Map.entry("reviewed", "true"));
    assertThat(registry.version(name, 1).tags()).containsOnly(Map.entry("reviewed", "true"));
  }

  @Test
  void searchesByNameSubstringTagAndMetricThreshold() {
    String marker = uniqueName("srch");
    String good = marker + "-good";
    String weak = marker + "-weak";
    registry.createModel(good, null, Map.of("team", "fraud"));
    registry.createModel(weak, null, Map.of("team", "risk"));
    registerIris(good, 0.80);
    registerIris(good, 0.95);
    registerIris(weak, 0.70);

    assertThat(search("?name=" + marker.toUpperCase())).extracting(ModelSummary::name).containsExactly(good, weak);
    assertThat(search("?name=" + marker + "&tag=team:fraud")).extracting(ModelSummary::name).containsExactly(good);
    assertThat(search("?name=" + marker + "&tag=team")).hasSize(2);
    List<ModelSummary> accurate = search("?name=" + marker + "&metric=accuracy&min=0.9");
    assertThat(accurate).extracting(ModelSummary::name).containsExactly(good);
    assertThat(accurate.getFirst().matchingVersions()).containsExactly(2);
    assertThat(search("?name=" + marker + "&metric=accuracy&min=0.6&max=0.85"))
        .extracting(ModelSummary::matchingVersions).containsExactly(List.of(1), List.of(1));
    assertProblem(http().get().uri("/api/v1/models?min=0.9").retrieve().toEntity(String.class), 400, "need a metric");
  }

  @Test
  void registerRefusesEscapingEntriesAndAHiddenLayerOfSizeZeroLeavingNothing() {
    String name = uniqueName("refused");
    Snapshot before = snapshot();
    var escaping = zip("escaping.zip", Map.of("model.json", "{}", "../../evil.txt", "x"));
    String zeroLayer = """
        {"formatVersion": 1, "kind": "djl", "architecture": {"type": "mlp", "hiddenSizes": [16, 0]},
         "input": {"features": [{"name": "x", "type": "number"}]},
         "output": {"task": "regression"}}""";
    var zeroHidden = zip("zero.zip", Map.of("model.json", zeroLayer, "model-0000.params", "not params"));

    assertThatThrownBy(() -> registry.register(RegisterVersion.trained(name, escaping, null, null, null, "t")))
        .isInstanceOf(ArtifactInvalid.class).hasMessageContaining("../../evil.txt");
    assertThatThrownBy(() -> registry.register(RegisterVersion.trained(name, zeroHidden, null, null, null, "t")))
        .isInstanceOf(ArtifactInvalid.class).hasMessageContaining("hidden layer 1 has size 0");
    assertThat(snapshot()).isEqualTo(before);
  }

  private List<ModelSummary> search(String query) {
    return http().get().uri("/api/v1/models" + query).retrieve().body(new ParameterizedTypeReference<>() {});
  }
}
