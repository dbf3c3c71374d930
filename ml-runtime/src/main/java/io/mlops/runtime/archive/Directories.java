package io.mlops.runtime.archive;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** Folder clean-up, so a refused archive leaves nothing behind. */
public final class Directories {

  private Directories() {}

  /**
   * Deletes {@code folder} and everything under it; does nothing if it is absent. Hand-written in a
   * few lines rather than pulling commons-io in for one call; links are deleted, never followed.
   */
  public static void deleteRecursively(Path folder) {
    if (!Files.exists(folder, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(folder)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("could not delete " + folder, e);
    }
  }
}
