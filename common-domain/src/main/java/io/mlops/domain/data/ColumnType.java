package io.mlops.domain.data;

/** Logical column types inferred at ingestion; CATEGORICAL is a string column with few distinct values. */
public enum ColumnType {
    INTEGER, FLOAT, BOOLEAN, STRING, CATEGORICAL, TIMESTAMP, DATE;

    public boolean isNumeric() {
        return this == INTEGER || this == FLOAT;
    }

    public boolean isTemporal() {
        return this == TIMESTAMP || this == DATE;
    }
}
