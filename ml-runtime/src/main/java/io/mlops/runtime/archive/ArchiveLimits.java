package io.mlops.runtime.archive;

/**
 * Caps applied while unpacking an untrusted archive.
 *
 * @param maxTotalBytes bytes all entries may inflate to, together
 * @param maxEntries number of entries accepted
 * @param maxCompressionRatio uncompressed / compressed size one entry may reach once it is past
 *     {@code ratioGraceBytes}; a real model inflates a few times at most, a bomb thousands of times
 * @param ratioGraceBytes an entry smaller than this is never judged by its ratio (a tiny JSON file
 *     full of repeated keys compresses well and is harmless)
 */
public record ArchiveLimits(long maxTotalBytes, int maxEntries, double maxCompressionRatio, long ratioGraceBytes) {

  /** 1 GiB in total, 1000 entries, ratio 100 past 1 MiB: room for any MLP we train, none for a bomb. */
  public static final ArchiveLimits DEFAULT = new ArchiveLimits(1L << 30, 1000, 100.0, 1L << 20);

  public ArchiveLimits {
    if (maxTotalBytes <= 0 || maxEntries <= 0 || maxCompressionRatio < 1.0 || ratioGraceBytes < 0) {
      throw new IllegalArgumentException("archive limits must be positive and the ratio at least 1: "
          + maxTotalBytes + ", " + maxEntries + ", " + maxCompressionRatio + ", " + ratioGraceBytes);
    }
  }

  public ArchiveLimits withMaxTotalBytes(long bytes) {
    return new ArchiveLimits(bytes, maxEntries, maxCompressionRatio, ratioGraceBytes);
  }
}
