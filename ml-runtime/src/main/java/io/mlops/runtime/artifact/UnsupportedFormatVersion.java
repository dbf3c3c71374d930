package io.mlops.runtime.artifact;

/** A model.json written in a format version this library cannot read. */
public final class UnsupportedFormatVersion extends IllegalArgumentException {

  private final int formatVersion;

  public UnsupportedFormatVersion(int formatVersion) {
    super("model.json formatVersion " + formatVersion + " is not supported; this library reads "
        + ModelManifest.FORMAT_VERSION);
    this.formatVersion = formatVersion;
  }

  public int formatVersion() {
    return formatVersion;
  }
}
