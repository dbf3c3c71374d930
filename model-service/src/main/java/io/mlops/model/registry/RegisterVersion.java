package io.mlops.model.registry;

import io.mlops.domain.model.Hyperparameters;
import io.mlops.domain.model.Lineage;
import io.mlops.domain.model.Metrics;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;

/**
 * A new version to register: a packed ml-runtime archive (model.json + parameters) and what the
 * registry records beside it. Task, kind and signature are read from the archive's model.json, so
 * they cannot disagree with it; metrics and lineage default to the manifest's when null.
 *
 * @param archive a local file; the registry copies it into its blob store and never modifies or deletes it
 * @param createdBy the actor (user or training job) registering it
 * @param sourceSha256 imports: the SHA-256 of the uploaded module; null for trained models
 * @param guard run in the registering transaction (see {@link VersionGuard}); null for none
 * @throws RegistrationInvalid if a tag has a null value or a metric is not finite; a command is
 *     built before any artifact work, so a caller that builds it first refuses cheaply
 */
public record RegisterVersion(
    String model,
    Path archive,
    Metrics metrics,
    Hyperparameters hyperparameters,
    Lineage lineage,
    Map<String, String> tags,
    String description,
    String createdBy,
    ModelSource source,
    String sourceSha256,
    VersionGuard guard) {

  public RegisterVersion {
    Objects.requireNonNull(model, "model");
    Objects.requireNonNull(archive, "archive");
    Objects.requireNonNull(source, "source");
    hyperparameters = hyperparameters == null ? new Hyperparameters(Map.of()) : hyperparameters;
    tags = tags == null ? Map.of() : requireValues(tags);
    requireFinite(metrics);
    createdBy = createdBy == null || createdBy.isBlank() ? "anonymous" : createdBy;
  }

  /** Without a guard (imports, manual registrations). */
  public RegisterVersion(String model, Path archive, Metrics metrics, Hyperparameters hyperparameters, Lineage lineage,
      Map<String, String> tags, String description, String createdBy, ModelSource source, String sourceSha256) {
    this(model, archive, metrics, hyperparameters, lineage, tags, description, createdBy, source, sourceSha256, null);
  }

  /** The same command for the given source module: an import learns the module's hash only while staging it. */
  public RegisterVersion withSourceSha256(String sha256) {
    return new RegisterVersion(model, archive, metrics, hyperparameters, lineage, tags, description, createdBy, source,
        sha256, guard);
  }

  /** A trained model without a guard; the model is created if it does not exist yet. */
  public static RegisterVersion trained(String model, Path archive, Metrics metrics, Hyperparameters hyperparameters,
      Lineage lineage, String createdBy) {
    return trained(model, archive, metrics, hyperparameters, lineage, createdBy, null);
  }

  /** What a training job registers: {@code guard} finishes the job in the same transaction. */
  public static RegisterVersion trained(String model, Path archive, Metrics metrics, Hyperparameters hyperparameters,
      Lineage lineage, String createdBy, VersionGuard guard) {
    return new RegisterVersion(model, archive, metrics, hyperparameters, lineage, Map.of(), null, createdBy,
        ModelSource.TRAINED, null, guard);
  }

  /** Every tag needs a value: Map.copyOf would throw a bare NullPointerException (a 500). */
  private static Map<String, String> requireValues(Map<String, String> tags) {
    tags.forEach((key, value) -> {
      if (value == null) {
        throw new RegistrationInvalid("tags." + key, "has no value");
      }
    });
    return Map.copyOf(tags);
  }

  /** NaN or infinite metrics cannot be compared: Postgres ranks NaN above every number in metric search. */
  private static void requireFinite(Metrics metrics) {
    if (metrics != null) {
      metrics.values().forEach((name, value) -> {
        if (!Double.isFinite(value)) {
          throw new RegistrationInvalid("metrics." + name, "must be a finite number, was " + value);
        }
      });
    }
  }
}
