package io.mlops.data.version;

import io.mlops.data.storage.WorkFiles;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import org.springframework.core.io.FileSystemResource;

/**
 * A converted file that exists only to be streamed once: its work folder is deleted when the response's
 * stream is closed (Spring's resource converter closes it after copying, also when the client went away).
 */
final class DeletingFileResource extends FileSystemResource {

    private final Path folder;

    DeletingFileResource(Path file, Path folder) {
        super(file);
        this.folder = folder;
    }

    @Override
    public InputStream getInputStream() throws IOException {
        return new FilterInputStream(super.getInputStream()) {
            @Override
            public void close() throws IOException {
                try {
                    super.close();
                } finally {
                    WorkFiles.deleteQuietly(folder);
                }
            }
        };
    }
}
