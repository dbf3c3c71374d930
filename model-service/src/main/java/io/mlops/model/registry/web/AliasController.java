package io.mlops.model.registry.web;

import io.mlops.domain.model.AliasChange;
import io.mlops.model.registry.AliasView;
import io.mlops.model.registry.ModelRegistry;
import jakarta.validation.Valid;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Aliases: move (deploy, roll back), remove, resolve, and the history of every move. */
@RestController
@RequestMapping("/api/v1/models/{name}/aliases/{alias}")
class AliasController {

  static final String ACTOR = "X-Actor";

  private final ModelRegistry registry;

  AliasController(ModelRegistry registry) {
    this.registry = registry;
  }

  @PutMapping
  AliasView set(@PathVariable String name, @PathVariable String alias, @Valid @RequestBody Requests.SetAlias request,
      @RequestHeader(name = ACTOR, defaultValue = "anonymous") String actor) {
    return registry.setAlias(name, alias, request.version(), actor, request.reason());
  }

  @DeleteMapping
  ResponseEntity<Void> remove(@PathVariable String name, @PathVariable String alias,
      @RequestParam(required = false) String reason,
      @RequestHeader(name = ACTOR, defaultValue = "anonymous") String actor) {
    registry.removeAlias(name, alias, actor, reason);
    return ResponseEntity.noContent().build();
  }

  @GetMapping
  AliasView resolve(@PathVariable String name, @PathVariable String alias) {
    return registry.resolveAlias(name, alias);
  }

  @GetMapping("/history")
  List<AliasChange> history(@PathVariable String name, @PathVariable String alias) {
    return registry.aliasHistory(name, alias);
  }
}
