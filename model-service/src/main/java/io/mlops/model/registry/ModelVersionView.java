package io.mlops.model.registry;

import io.mlops.domain.id.ModelId;
import io.mlops.domain.id.ModelVersionRef;
import io.mlops.domain.model.Hyperparameters;
import io.mlops.domain.model.Lineage;
import io.mlops.domain.model.Metrics;
import io.mlops.domain.model.ModelVersion;
import io.mlops.domain.model.Task;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** A registered version as the API shows it; {@link #toDomain()} gives common-domain's record. */
public record ModelVersionView(
    ModelId modelId,
    String model,
    int version,
    Task task,
    String kind,
    String artifactSha256,
    long artifactBytes,
    Map<String, Double> metrics,
    Map<String, Object> hyperparameters,
    Lineage lineage,
    SignatureSummary signature,
    Map<String, String> tags,
    String description,
    ModelSource source,
    String sourceSha256,
    String createdBy,
    Instant createdAt,
    List<String> aliases) {

  public ModelVersionRef ref() {
    return new ModelVersionRef(model, version);
  }

  public ModelVersion toDomain() {
    return new ModelVersion(modelId, ref(), task, artifactSha256, artifactBytes, new Metrics(metrics),
        new Hyperparameters(hyperparameters), lineage, tags, description, createdAt);
  }
}
