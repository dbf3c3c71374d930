package io.mlops.data.ingest;

/** The format is neither given, nor recognisable from the content type or the file name. */
public final class UnknownDataFormat extends InvalidDataset {

    public UnknownDataFormat(String contentType, String fileName, String override) {
        super("cannot tell the data format from content type " + contentType + ", file name " + fileName + ", override " + override + "; expected CSV, JSON Lines or Parquet", null, null);
    }

    @Override
    public String code() {
        return "unknown-data-format";
    }
}
