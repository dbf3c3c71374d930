package io.mlops.data.ingest;

/** A quoted CSV field that is never closed, or text between a closing quote and the next delimiter. */
public final class BrokenCsvQuoting extends InvalidDataset {

    public BrokenCsvQuoting(long line, String detail) {
        super("CSV line " + line + ": broken quoting (" + detail + ")", line, null);
    }

    @Override
    public String code() {
        return "broken-csv-quoting";
    }
}
