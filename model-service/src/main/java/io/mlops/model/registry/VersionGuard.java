package io.mlops.model.registry;

/**
 * Work that must commit together with a new version, or the version must not exist: it runs inside
 * the registering transaction after the version row and its ModelTrained event are written, and an
 * exception it throws rolls back the version, the event and the artifact. A training job uses it to
 * finish its job row in that transaction, so a job registers at most one version.
 */
@FunctionalInterface
public interface VersionGuard {

  /** @throws RuntimeException to refuse the registration (everything is rolled back) */
  void confirm(ModelVersionView version);
}
