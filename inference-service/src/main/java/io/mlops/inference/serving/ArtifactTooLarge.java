package io.mlops.inference.serving;

/**
 * A version's artifact is bigger than {@code mlops.inference.cache.max-bytes}: it could never stay in the cache,
 * so it is refused before (declared size) or while (streamed bytes) it is downloaded, and nothing is kept.
 */
public final class ArtifactTooLarge extends RuntimeException {

    ArtifactTooLarge(String model, int version, long bytes, long limit, boolean declared) {
        super("the artifact of " + model + "@" + version + (declared ? " is declared as " : " exceeded ") + bytes
                + " bytes, over the model cache's limit of " + limit + " bytes (mlops.inference.cache.max-bytes)");
    }
}
