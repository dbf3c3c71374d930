package io.mlops.support.blob;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Optional;

/** Immutable blobs addressed by the SHA-256 of their bytes. */
public interface BlobStore {

    /**
     * Streams {@code in} to a staging file while hashing it; refuses with {@link BlobTooLarge} past
     * {@code maxBytes}. The caller validates the staged file, then {@link StagedBlob#commit commits} or
     * {@link StagedBlob#close discards} it.
     */
    StagedBlob stage(InputStream in, long maxBytes) throws IOException;

    /** Stages a copy of a local file (server-side imports). */
    StagedBlob stageCopy(Path file, long maxBytes) throws IOException;

    boolean exists(String sha256);

    /** The blob's bytes, streamed. */
    InputStream open(String sha256) throws IOException;

    /** The blob as a local file, for readers that need random access (Parquet, zip). Never modify it. */
    Optional<Path> localPath(String sha256);

    long size(String sha256) throws IOException;

    /** Removes a blob; returns whether it existed. */
    boolean delete(String sha256) throws IOException;
}
