package io.mlops.domain.id;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Objects;
import java.util.UUID;

/** Identifies a dataset. Serialized as a bare UUID string. */
public record DatasetId(UUID value) {

    public DatasetId {
        Objects.requireNonNull(value, "value");
    }

    public static DatasetId random() {
        return new DatasetId(UUID.randomUUID());
    }

    @JsonCreator
    public static DatasetId of(String value) {
        return new DatasetId(UUID.fromString(value));
    }

    @JsonValue
    @Override
    public String toString() {
        return value.toString();
    }
}
