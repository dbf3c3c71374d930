package io.mlops.domain.id;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Objects;
import java.util.UUID;

/** Identifies a training job. Serialized as a bare UUID string. */
public record TrainingJobId(UUID value) {

    public TrainingJobId {
        Objects.requireNonNull(value, "value");
    }

    public static TrainingJobId random() {
        return new TrainingJobId(UUID.randomUUID());
    }

    @JsonCreator
    public static TrainingJobId of(String value) {
        return new TrainingJobId(UUID.fromString(value));
    }

    @JsonValue
    @Override
    public String toString() {
        return value.toString();
    }
}
