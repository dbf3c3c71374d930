package io.mlops.data.version;

/** The version an upload resolved to, and whether it is new (201) or the existing one with the same bytes (200). */
public record IngestOutcome(VersionRecord version, boolean created) {
}
