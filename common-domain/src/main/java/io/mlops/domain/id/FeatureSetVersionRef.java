package io.mlops.domain.id;

import java.util.Objects;

/** A feature-set version: the definition fitted on one dataset version. */
public record FeatureSetVersionRef(String featureSet, int version) {

    public FeatureSetVersionRef {
        Objects.requireNonNull(featureSet, "featureSet");
        if (version < 1) {
            throw new IllegalArgumentException("version must be >= 1, was " + version);
        }
    }

    @Override
    public String toString() {
        return featureSet + "@" + version;
    }
}
