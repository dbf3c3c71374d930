package io.mlops.runtime.archive;

/** An entry would land outside the target folder (absolute path, {@code ..}), is a link, or is a duplicate. */
public final class UnsafeArchiveEntry extends RuntimeException {

  private final String entryName;

  public UnsafeArchiveEntry(String entryName, String reason) {
    super("unsafe archive entry '" + entryName + "': " + reason);
    this.entryName = entryName;
  }

  public String entryName() {
    return entryName;
  }
}
