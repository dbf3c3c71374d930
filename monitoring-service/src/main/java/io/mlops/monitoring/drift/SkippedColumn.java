package io.mlops.monitoring.drift;

/** A reference column that could not be compared in this window; it does not count in the drift share. */
public record SkippedColumn(String column, Reason reason) {

    public enum Reason {
        /** The window has no such column. */
        NOT_IN_WINDOW,
        /** The window has the column but every value is null or NaN (or the window has no rows). */
        NO_CURRENT_VALUES,
        /** The reference column is entirely null or NaN. */
        NO_REFERENCE_VALUES,
        /**
         * A date or timestamp column, never compared (as Evidently leaves datetime columns out): every window holds
         * dates the reference cannot have, so it would drift every time.
         */
        TEMPORAL
    }
}
