package io.mlops.domain.model;

import java.util.Map;

/**
 * The hyperparameters a version was trained with (learning rate, hidden layers, ...), as JSON-friendly
 * values: numbers, strings, booleans or lists of them.
 */
public record Hyperparameters(Map<String, Object> values) {

    public Hyperparameters {
        values = values == null ? Map.of() : Map.copyOf(values);
    }
}
