package io.mlops.domain.id;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Objects;
import java.util.UUID;

/** Identifies a single prediction (the id returned to callers and carried by PredictionMade). Serialized as a bare UUID string. */
public record PredictionId(UUID value) {

    public PredictionId {
        Objects.requireNonNull(value, "value");
    }

    public static PredictionId random() {
        return new PredictionId(UUID.randomUUID());
    }

    @JsonCreator
    public static PredictionId of(String value) {
        return new PredictionId(UUID.fromString(value));
    }

    @JsonValue
    @Override
    public String toString() {
        return value.toString();
    }
}
