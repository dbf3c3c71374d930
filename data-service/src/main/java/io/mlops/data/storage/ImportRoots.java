package io.mlops.data.storage;

import io.mlops.data.settings.DataProperties;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Decides which server-side files may be imported: absolute paths that lie under a configured root both
 * as written (after removing '.' and '..') and once every symlink is resolved, so neither '..' nor a link
 * pointing out of a root reaches other files.
 */
@Component
public class ImportRoots {

    private final List<Path> roots;

    ImportRoots(DataProperties props) {
        this.roots = props.importRoots().stream().map(r -> r.toAbsolutePath().normalize()).toList();
    }

    /** The real path of an importable regular file; 403 outside the roots, 422 if it is not a file. */
    public Path resolve(String requested) {
        if (requested == null || requested.isBlank()) {
            throw new PathOutsideImportRoots(String.valueOf(requested), "no path given");
        }
        Path path;
        try {
            path = Path.of(requested);
        } catch (InvalidPathException e) {
            throw new PathOutsideImportRoots(requested, "not a valid path");
        }
        if (!path.isAbsolute()) {
            throw new PathOutsideImportRoots(requested, "only absolute paths are accepted");
        }
        if (roots.isEmpty()) {
            throw new PathOutsideImportRoots(requested, "no import roots are configured (mlops.data.import-roots)");
        }
        if (!underARoot(path.normalize(), roots)) {
            throw new PathOutsideImportRoots(requested, "it is outside the import roots " + roots);
        }
        if (!Files.exists(path)) {
            throw new ImportFileNotFound(requested, "does not exist");
        }
        Path real = realPath(path);
        if (!underARoot(real, realRoots())) {
            throw new PathOutsideImportRoots(requested, "it resolves (through a symbolic link) outside the import roots");
        }
        if (!Files.isRegularFile(real)) {
            throw new ImportFileNotFound(requested, "is not a regular file");
        }
        return real;
    }

    private List<Path> realRoots() {
        List<Path> real = new ArrayList<>();
        for (Path root : roots) {
            if (Files.isDirectory(root)) {
                real.add(realPath(root));
            }
        }
        return real;
    }

    private static boolean underARoot(Path path, List<Path> roots) {
        return roots.stream().anyMatch(root -> path.startsWith(root) && !path.equals(root));
    }

    private static Path realPath(Path path) {
        try {
            return path.toRealPath();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
