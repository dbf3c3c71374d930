package io.mlops.domain.id;

import java.util.Objects;

/** A dataset version as users name it: dataset name plus its 1-based version number. */
public record DatasetVersionRef(String dataset, int version) {

    public DatasetVersionRef {
        Objects.requireNonNull(dataset, "dataset");
        if (version < 1) {
            throw new IllegalArgumentException("version must be >= 1, was " + version);
        }
    }

    @Override
    public String toString() {
        return dataset + "@" + version;
    }
}
