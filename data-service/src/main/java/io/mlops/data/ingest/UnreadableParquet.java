package io.mlops.data.ingest;

/** A Parquet file that is truncated or corrupt (no footer magic, bad metadata, bad pages). */
public final class UnreadableParquet extends InvalidDataset {

    public UnreadableParquet(String detail, Throwable cause) {
        super("the Parquet file cannot be read: " + detail, null, null, cause);
    }

    @Override
    public String code() {
        return "unreadable-parquet";
    }
}
