package io.mlops.runtime.archive;

/** One entry inflates far more than real data does: the mark of a decompression bomb. */
public final class SuspiciousCompressionRatio extends RuntimeException {

  private final String entryName;

  public SuspiciousCompressionRatio(String entryName, long compressedBytes, long inflatedBytes, double maxRatio) {
    super("archive entry '" + entryName + "' inflated from " + compressedBytes + " to more than "
        + inflatedBytes + " bytes, past the allowed ratio " + maxRatio);
    this.entryName = entryName;
  }

  public String entryName() {
    return entryName;
  }
}
