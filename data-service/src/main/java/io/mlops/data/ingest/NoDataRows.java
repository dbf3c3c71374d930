package io.mlops.data.ingest;

/** A file with columns but no rows (a CSV with a header only). */
public final class NoDataRows extends InvalidDataset {

    public NoDataRows(Long line) {
        super("the file has a header or schema but no data rows", line, null);
    }

    @Override
    public String code() {
        return "no-data-rows";
    }
}
