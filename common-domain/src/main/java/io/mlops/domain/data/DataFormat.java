package io.mlops.domain.data;

/** File formats a dataset version can be ingested from and downloaded as. */
public enum DataFormat {
    CSV, JSONL, PARQUET
}
