package io.mlops.data.schema;

/** What the {@code location} of an offending row counts. */
public enum RowLocation {
    /** The 1-based physical line in the CSV file, the header being line 1 (multi-line quoted fields counted). */
    CSV_LINE,
    /** The 1-based row number in file order (JSON Lines, Parquet). */
    ROW_NUMBER
}
