package io.mlops.model.registry.web;

import io.mlops.model.registry.ModelRegistry;
import io.mlops.model.registry.ModelSearch;
import io.mlops.model.registry.ModelSummary;
import io.mlops.model.registry.ModelVersionView;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Models and their versions: create, search, read, tags and descriptions. */
@RestController
@RequestMapping("/api/v1/models")
class ModelController {

  private final ModelRegistry registry;

  ModelController(ModelRegistry registry) {
    this.registry = registry;
  }

  @PostMapping
  ResponseEntity<ModelSummary> create(@Valid @RequestBody Requests.CreateModel request) {
    ModelSummary model = registry.createModel(request.name(), request.description(), request.tags());
    return ResponseEntity.created(URI.create("/api/v1/models/" + model.name())).body(model);
  }

  /**
   * @param name substring of the model name (case-insensitive)
   * @param tag {@code key} or {@code key:value}, on the model or any of its versions
   * @param metric with {@code min}/{@code max}: models with a version whose metric is within the bounds
   */
  @GetMapping
  List<ModelSummary> search(@RequestParam(required = false) String name, @RequestParam(required = false) String tag,
      @RequestParam(required = false) String metric, @RequestParam(required = false) Double min,
      @RequestParam(required = false) Double max) {
    if (metric == null && (min != null || max != null)) {
      throw new SearchInvalid("metric", "min and max need a metric, e.g. ?metric=accuracy&min=0.9");
    }
    String tagKey = tag;
    String tagValue = null;
    if (tag != null && tag.contains(":")) {
      tagKey = tag.substring(0, tag.indexOf(':'));
      tagValue = tag.substring(tag.indexOf(':') + 1);
    }
    return registry.search(new ModelSearch(name, tagKey, tagValue, metric, min, max));
  }

  @GetMapping("/{name}")
  ModelSummary get(@PathVariable String name) {
    return registry.model(name);
  }

  @PatchMapping("/{name}")
  ModelSummary patch(@PathVariable String name, @RequestBody Requests.Patch request) {
    return registry.updateModel(name, request.description(), request.tags());
  }

  @GetMapping("/{name}/versions")
  List<ModelVersionView> versions(@PathVariable String name) {
    return registry.versions(name);
  }

  @GetMapping("/{name}/versions/{version}")
  ModelVersionView version(@PathVariable String name, @PathVariable int version) {
    return registry.version(name, version);
  }

  @PatchMapping("/{name}/versions/{version}")
  ModelVersionView patchVersion(@PathVariable String name, @PathVariable int version,
      @RequestBody Requests.Patch request) {
    return registry.updateVersion(name, version, request.description(), request.tags());
  }
}
