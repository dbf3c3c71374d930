package io.mlops.monitoring.drift;

/** The window holds a column as numbers where the reference holds categories, or the reverse. */
public class ColumnKindMismatch extends IllegalArgumentException {

    public ColumnKindMismatch(String column, String referenceKind, String windowKind) {
        super("column '" + column + "' is " + referenceKind + " in the reference but " + windowKind + " in the window");
    }
}
