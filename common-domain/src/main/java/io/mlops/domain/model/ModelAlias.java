package io.mlops.domain.model;

/** A mutable pointer (production, staging, champion, any name) from a model name to one version. */
public record ModelAlias(String model, String alias, int version) {
}
