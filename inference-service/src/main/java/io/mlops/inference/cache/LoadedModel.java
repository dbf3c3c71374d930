package io.mlops.inference.cache;

import java.util.Objects;

/**
 * A freshly loaded model and what it weighs.
 *
 * @param model         owns native memory, released by {@link AutoCloseable#close()}
 * @param artifactBytes size of the artifact it was loaded from, the cache's stand-in for its memory
 */
public record LoadedModel<V extends AutoCloseable>(V model, long artifactBytes) {

    public LoadedModel {
        Objects.requireNonNull(model, "model");
        if (artifactBytes < 0) {
            throw new IllegalArgumentException("artifactBytes must not be negative, was " + artifactBytes);
        }
    }
}
