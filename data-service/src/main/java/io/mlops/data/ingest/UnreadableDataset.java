package io.mlops.data.ingest;

/** The engine refused the file for a reason not covered by a more specific fact. */
public final class UnreadableDataset extends InvalidDataset {

    public UnreadableDataset(String detail, Long line, Throwable cause) {
        super("the file cannot be read: " + detail, line, null, cause);
    }

    @Override
    public String code() {
        return "unreadable-dataset";
    }
}
