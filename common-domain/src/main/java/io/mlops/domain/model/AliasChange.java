package io.mlops.domain.model;

import java.time.Instant;

/**
 * One entry of an alias's history: who moved it from which version to which, when and why. Steps that
 * leave the alias where it is (a retraining started, its challenger rejected or failed) have
 * {@code fromVersion == toVersion}, the version the alias kept.
 */
public record AliasChange(String model, String alias, Integer fromVersion, Integer toVersion, String actor, String reason, Instant at,
                          Action action) {

    /** What happened to the alias. */
    public enum Action {
        MOVED, REMOVED, RETRAINING_STARTED, RETRAINING_REJECTED, RETRAINING_FAILED
    }

    /** A move, or a removal when {@code toVersion} is null. */
    public AliasChange(String model, String alias, Integer fromVersion, Integer toVersion, String actor, String reason, Instant at) {
        this(model, alias, fromVersion, toVersion, actor, reason, at, toVersion == null ? Action.REMOVED : Action.MOVED);
    }
}
