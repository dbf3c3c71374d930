package io.mlops.monitoring.drift;

import io.mlops.domain.monitoring.DriftMethod;
import java.util.Objects;

/** A method chosen for one column, overriding the default choice, with its own threshold. */
public record ColumnMethod(DriftMethod method, double threshold) {

    public ColumnMethod {
        Objects.requireNonNull(method, "method");
        if (!(threshold >= 0) || Double.isInfinite(threshold)) {
            throw new IllegalArgumentException("threshold must be a finite number >= 0, was " + threshold);
        }
    }

    /** The method with its default threshold. */
    public static ColumnMethod of(DriftMethod method) {
        return new ColumnMethod(method, MethodRules.defaultThreshold(method));
    }
}
