package io.mlops.runtime.archive;

/** The archive inflates to more bytes, or holds more entries, than its {@link ArchiveLimits} allow. */
public final class ArchiveTooLarge extends RuntimeException {

  public ArchiveTooLarge(String message) {
    super(message);
  }
}
