package io.mlops.model.registry;

import io.mlops.domain.id.ModelId;
import io.mlops.domain.model.Model;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A registered model as the API shows it.
 *
 * @param latestVersion null before the first version
 * @param aliases alias name to the version it points at
 * @param matchingVersions in a metric search, the versions that pass the threshold; otherwise null
 */
public record ModelSummary(ModelId id, String name, String description, Map<String, String> tags, Integer latestVersion,
    Map<String, Integer> aliases, Instant createdAt, Instant updatedAt, List<Integer> matchingVersions) {

  public Model toDomain() {
    return new Model(id, name, description, tags, createdAt);
  }
}
