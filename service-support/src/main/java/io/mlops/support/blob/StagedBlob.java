package io.mlops.support.blob;

import java.io.IOException;
import java.nio.file.Path;

/** An upload written to a staging file and hashed, not yet part of the store. Closing discards it unless committed. */
public interface StagedBlob extends AutoCloseable {

    String sha256();

    long size();

    /** The staged bytes, for validation before commit. */
    Path file();

    /** Moves the bytes into the store (atomic rename); a blob with the same hash already there is kept. */
    void commit() throws IOException;

    @Override
    void close() throws IOException;
}
