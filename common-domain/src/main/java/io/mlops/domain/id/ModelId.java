package io.mlops.domain.id;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Objects;
import java.util.UUID;

/** Identifies a registered model. Serialized as a bare UUID string. */
public record ModelId(UUID value) {

    public ModelId {
        Objects.requireNonNull(value, "value");
    }

    public static ModelId random() {
        return new ModelId(UUID.randomUUID());
    }

    @JsonCreator
    public static ModelId of(String value) {
        return new ModelId(UUID.fromString(value));
    }

    @JsonValue
    @Override
    public String toString() {
        return value.toString();
    }
}
