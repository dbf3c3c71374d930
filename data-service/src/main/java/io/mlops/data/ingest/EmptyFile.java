package io.mlops.data.ingest;

/** A file with no bytes, or with no header line. */
public final class EmptyFile extends InvalidDataset {

    public EmptyFile() {
        super("the file is empty", null, null);
    }

    @Override
    public String code() {
        return "empty-file";
    }
}
