package io.mlops.domain.model;

import java.time.Instant;

/** One entry of an alias's history: who moved it from which version to which, when and why. */
public record AliasChange(String model, String alias, Integer fromVersion, Integer toVersion, String actor, String reason, Instant at) {
}
