package io.mlops.inference.cache;

/**
 * Bounds of the model cache; both hold at once.
 *
 * @param maxModels most model versions loaded at the same time
 * @param maxBytes  most artifact bytes loaded at the same time (counted in whole KiB)
 */
public record ModelCacheSettings(long maxModels, long maxBytes) {

    public static final long DEFAULT_MAX_MODELS = 16;
    public static final long DEFAULT_MAX_BYTES = 1L << 30;

    public ModelCacheSettings {
        if (maxModels < 1) {
            throw new IllegalArgumentException("maxModels must be at least 1, was " + maxModels);
        }
        if (maxBytes < 1) {
            throw new IllegalArgumentException("maxBytes must be at least 1, was " + maxBytes);
        }
    }

    /** 16 versions and 1 GiB of artifacts. */
    public static ModelCacheSettings defaults() {
        return new ModelCacheSettings(DEFAULT_MAX_MODELS, DEFAULT_MAX_BYTES);
    }
}
