package io.mlops.domain.id;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Objects;
import java.util.UUID;

/** Identifies a feature set. Serialized as a bare UUID string. */
public record FeatureSetId(UUID value) {

    public FeatureSetId {
        Objects.requireNonNull(value, "value");
    }

    public static FeatureSetId random() {
        return new FeatureSetId(UUID.randomUUID());
    }

    @JsonCreator
    public static FeatureSetId of(String value) {
        return new FeatureSetId(UUID.fromString(value));
    }

    @JsonValue
    @Override
    public String toString() {
        return value.toString();
    }
}
