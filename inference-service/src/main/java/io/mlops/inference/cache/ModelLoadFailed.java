package io.mlops.inference.cache;

/** Loading a model version threw; nothing was cached, so the next request tries again. */
public final class ModelLoadFailed extends RuntimeException {

    ModelLoadFailed(Object key, Throwable cause) {
        super("Loading model " + key + " failed: " + cause.getMessage(), cause);
    }
}
