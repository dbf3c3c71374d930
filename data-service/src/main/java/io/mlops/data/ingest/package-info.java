/** Reads CSV, JSON Lines and Parquet files into DuckDB, strictly, and runs inference, profiling, validation, sampling and CSV export on them. */
package io.mlops.data.ingest;
