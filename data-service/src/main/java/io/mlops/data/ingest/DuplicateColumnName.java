package io.mlops.data.ingest;

/** Two columns share one name. */
public final class DuplicateColumnName extends InvalidDataset {

    public DuplicateColumnName(String column, long line) {
        super("column name \"" + column + "\" appears more than once", line, column);
    }

    @Override
    public String code() {
        return "duplicate-column-name";
    }
}
