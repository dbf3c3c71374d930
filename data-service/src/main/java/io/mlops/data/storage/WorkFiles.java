package io.mlops.data.storage;

import io.mlops.data.settings.DataProperties;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.springframework.stereotype.Component;

/** Short-lived folders for samples and CSV conversions, under {@code mlops.data.work-directory}. */
@Component
public class WorkFiles {

    private final Path root;

    WorkFiles(DataProperties props) throws IOException {
        this.root = Files.createDirectories(props.workDirectoryOrTemp());
    }

    /** A fresh, empty folder; the caller deletes it with {@link #deleteQuietly}. */
    public Path newFolder(String prefix) {
        try {
            return Files.createTempDirectory(root, prefix);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Deletes a folder made by {@link #newFolder} with everything in it; best effort (a leftover is only disk space). */
    public static void deleteQuietly(Path folder) {
        if (folder == null || !Files.exists(folder)) {
            return;
        }
        try (Stream<Path> files = Files.walk(folder)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException ignored) {
                    // best effort, see above
                }
            });
        } catch (IOException ignored) {
            // best effort, see above
        }
    }
}
