package io.mlops.model.registry.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import java.util.Map;

/** Request bodies of the registry API. */
final class Requests {

  private Requests() {}

  record CreateModel(@NotBlank String name, String description, Map<String, String> tags) {}

  /** A null description keeps the current one; tags are merged, a null value removes that tag. */
  record Patch(String description, Map<String, String> tags) {}

  record SetAlias(@NotNull @Positive Integer version, String reason) {}
}
