package io.mlops.domain.id;

import java.util.Objects;

/** A registered model version: model name plus its 1-based version number. */
public record ModelVersionRef(String model, int version) {

    public ModelVersionRef {
        Objects.requireNonNull(model, "model");
        if (version < 1) {
            throw new IllegalArgumentException("version must be >= 1, was " + version);
        }
    }

    @Override
    public String toString() {
        return model + "@" + version;
    }
}
