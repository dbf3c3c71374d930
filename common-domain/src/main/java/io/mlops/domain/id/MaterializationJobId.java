package io.mlops.domain.id;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Objects;
import java.util.UUID;

/** Identifies a materialization run. Serialized as a bare UUID string. */
public record MaterializationJobId(UUID value) {

    public MaterializationJobId {
        Objects.requireNonNull(value, "value");
    }

    public static MaterializationJobId random() {
        return new MaterializationJobId(UUID.randomUUID());
    }

    @JsonCreator
    public static MaterializationJobId of(String value) {
        return new MaterializationJobId(UUID.fromString(value));
    }

    @JsonValue
    @Override
    public String toString() {
        return value.toString();
    }
}
