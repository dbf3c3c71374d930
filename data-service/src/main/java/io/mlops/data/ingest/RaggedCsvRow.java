package io.mlops.data.ingest;

/** A CSV record whose field count differs from the header's; column names the first missing column when fields are missing. */
public final class RaggedCsvRow extends InvalidDataset {

    public RaggedCsvRow(long line, int expectedFields, int actualFields, String firstMissingColumn) {
        super("CSV line " + line + " has " + actualFields + " fields, the header has " + expectedFields, line, firstMissingColumn);
    }

    @Override
    public String code() {
        return "ragged-csv-row";
    }
}
