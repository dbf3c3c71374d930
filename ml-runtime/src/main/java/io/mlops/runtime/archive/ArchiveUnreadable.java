package io.mlops.runtime.archive;

import java.nio.file.Path;

/** The file is not a zip archive we can read (truncated, corrupt, or another format). */
public final class ArchiveUnreadable extends RuntimeException {

  public ArchiveUnreadable(Path archive, Throwable cause) {
    super("not a readable zip archive: " + archive.getFileName() + " (" + cause.getMessage() + ")", cause);
  }
}
