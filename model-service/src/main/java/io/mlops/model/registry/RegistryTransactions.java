package io.mlops.model.registry;

import io.mlops.domain.id.ModelId;
import io.mlops.domain.id.ModelVersionRef;
import io.mlops.domain.model.AliasChange;
import io.mlops.domain.model.Metrics;
import io.mlops.events.ModelDeployed;
import io.mlops.events.ModelTrained;
import io.mlops.runtime.artifact.ModelManifest;
import io.mlops.support.blob.StagedBlob;
import io.mlops.support.blob.TransactionalBlobs;
import io.mlops.support.outbox.OutboxWriter;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Every registry change in its own transaction, with its event appended to the outbox in that same
 * transaction. Each locks its model row first, so version numbers and alias moves of one model are serialized.
 */
@Component
class RegistryTransactions {

  private final ModelRows models;
  private final VersionRows versions;
  private final AliasRows aliases;
  private final OutboxWriter outbox;
  private final TransactionalBlobs blobs;

  RegistryTransactions(ModelRows models, VersionRows versions, AliasRows aliases, OutboxWriter outbox,
      TransactionalBlobs blobs) {
    this.models = models;
    this.versions = versions;
    this.aliases = aliases;
    this.outbox = outbox;
    this.blobs = blobs;
  }

  @Transactional
  public ModelRow createModel(String name, String description, Map<String, String> tags) {
    Instant now = now();
    boolean created = models.insert(new ModelRow(ModelId.random(), name, description, tags == null ? Map.of() : tags,
        now, now));
    if (!created) {
      throw new ModelAlreadyExists(name);
    }
    return models.find(name).orElseThrow();
  }

  @Transactional
  public ModelRow updateModel(String name, String description, Map<String, String> tagChanges) {
    ModelRow row = models.lock(name).orElseThrow(() -> new ModelNotFound(name));
    String newDescription = description == null ? row.description() : description;
    models.update(row.id(), newDescription, merge(row.tags(), tagChanges), now());
    return models.find(name).orElseThrow();
  }

  /**
   * Inserts the next version and its ModelTrained event, runs the command's guard (which may refuse,
   * rolling all of it back), then commits the staged artifact into the blob store; if the transaction
   * then fails to commit, a blob this call added is removed again.
   */
  @Transactional
  public ModelVersionView insertVersion(RegisterVersion command, ModelManifest manifest, StagedBlob artifact) {
    Instant now = now();
    // the model is created with its first version, in the same transaction
    models.insert(new ModelRow(ModelId.random(), command.model(), null, Map.of(), now, now));
    ModelRow model = models.lock(command.model()).orElseThrow();
    Metrics metrics = command.metrics() != null ? command.metrics() : new Metrics(manifest.metrics());
    var lineage = command.lineage() != null ? command.lineage()
        : Objects.requireNonNullElse(manifest.lineage(), io.mlops.domain.model.Lineage.none());
    var view = new ModelVersionView(model.id(), model.name(), versions.next(model.id()), manifest.output().task(),
        manifest.kind().name().toLowerCase(java.util.Locale.ROOT), artifact.sha256(), artifact.size(), metrics.values(),
        command.hyperparameters().values(), lineage, SignatureSummary.of(manifest), command.tags(), command.description(),
        command.source(), command.sourceSha256(), command.createdBy(), now, List.of());
    versions.insert(view);
    models.touch(model.id(), now);
    outbox.append(new ModelTrained(model.id(), view.ref(), view.task(), metrics, lineage, view.artifactSha256()));
    if (command.guard() != null) {
      command.guard().confirm(view); // before the blob: a refused version leaves nothing behind
    }
    blobs.commit(versions::referencesArtifact, artifact); // under the hash's lock; removed again if this transaction rolls back
    return view;
  }

  @Transactional
  public void updateVersion(String model, int version, String description, Map<String, String> tagChanges) {
    ModelRow row = models.lock(model).orElseThrow(() -> new ModelNotFound(model));
    ModelVersionView current = versions.find(model, version).orElseThrow(() -> new ModelVersionNotFound(model, version));
    versions.update(row.id(), version, description == null ? current.description() : description,
        merge(current.tags(), tagChanges));
  }

  /** Moves (or creates) an alias; pointing it where it already points changes nothing and emits nothing. */
  @Transactional
  public AliasView setAlias(String model, String alias, int version, String actor, String reason) {
    ModelRow row = models.lock(model).orElseThrow(() -> new ModelNotFound(model));
    ModelVersionView target = versions.find(model, version).orElseThrow(() -> new ModelVersionNotFound(model, version));
    Integer previous = aliases.find(model, alias).map(AliasView::version).orElse(null);
    if (previous != null && previous == version) {
      return aliases.find(model, alias).orElseThrow();
    }
    Instant now = now();
    aliases.upsert(row.id(), alias, version, actor, now);
    aliases.record(row.id(), new AliasChange(model, alias, previous, version, actor, reason, now));
    outbox.append(new ModelDeployed(new ModelVersionRef(model, version), alias, previous, target.artifactSha256(), actor,
        reason));
    return aliases.find(model, alias).orElseThrow();
  }

  /**
   * Moves the alias to {@code version} only while it still points at {@code expected} (a retraining
   * decided against that champion); false, with nothing changed, if it was moved or removed meanwhile.
   */
  @Transactional
  public boolean moveAliasIf(String model, String alias, int expected, int version, String actor, String reason) {
    models.lock(model).orElseThrow(() -> new ModelNotFound(model));
    Integer current = aliases.find(model, alias).map(AliasView::version).orElse(null);
    if (current == null || current != expected) {
      return false;
    }
    setAlias(model, alias, version, actor, reason); // same transaction, model row already locked by it
    return true;
  }

  /** A history entry for a step that leaves the alias on {@code version} (from = to = version). */
  @Transactional
  public void recordStep(String model, String alias, int version, AliasChange.Action action, String actor,
      String reason) {
    ModelRow row = models.lock(model).orElseThrow(() -> new ModelNotFound(model));
    aliases.record(row.id(), new AliasChange(model, alias, version, version, actor, reason, now(), action));
  }

  /** Removes an alias (history: to_version null). No event: ModelDeployed has no form for "nothing deployed". */
  @Transactional
  public void removeAlias(String model, String alias, String actor, String reason) {
    ModelRow row = models.lock(model).orElseThrow(() -> new ModelNotFound(model));
    AliasView current = aliases.find(model, alias).orElseThrow(() -> new AliasNotFound(model, alias));
    Instant now = now();
    aliases.delete(row.id(), alias);
    aliases.record(row.id(), new AliasChange(model, alias, current.version(), null, actor, reason, now));
  }

  /** Tag changes: a null value removes the tag. */
  private static Map<String, String> merge(Map<String, String> tags, Map<String, String> changes) {
    Map<String, String> merged = new HashMap<>(tags);
    if (changes != null) {
      changes.forEach((k, v) -> {
        if (v == null) {
          merged.remove(k);
        } else {
          merged.put(k, v);
        }
      });
    }
    return merged;
  }

  /** Postgres keeps microseconds: values returned now equal the ones read back later. */
  private static Instant now() {
    return Instant.now().truncatedTo(ChronoUnit.MICROS);
  }
}
