package io.mlops.data.ingest;

import java.util.Optional;
import java.util.OptionalLong;

/**
 * The common base of every "this file is not a dataset we can ingest" fact, so the web layer maps them
 * all to one ProblemDetail (422). {@link #line()} is the 1-based physical line where known, {@link
 * #column()} the column name where known.
 */
public abstract class InvalidDataset extends RuntimeException {

    private final Long line;
    private final String column;

    protected InvalidDataset(String message, Long line, String column, Throwable cause) {
        super(message, cause);
        this.line = line;
        this.column = column;
    }

    protected InvalidDataset(String message, Long line, String column) {
        this(message, line, column, null);
    }

    public OptionalLong line() {
        return line == null ? OptionalLong.empty() : OptionalLong.of(line);
    }

    public Optional<String> column() {
        return Optional.ofNullable(column);
    }

    /** A short stable code for the problem type, e.g. {@code ragged-csv-row}. */
    public abstract String code();
}
