package io.mlops.feature.training;

/** How rows are written: CSV with a header, or one JSON object per line. */
enum TrainingDataFormat {
    CSV("text/csv"), JSONL("application/jsonl");

    final String contentType;

    TrainingDataFormat(String contentType) {
        this.contentType = contentType;
    }

    static TrainingDataFormat of(String text) {
        return switch (text == null ? "csv" : text.toLowerCase()) {
            case "csv" -> CSV;
            case "jsonl", "json-lines", "jsonlines", "ndjson" -> JSONL;
            default -> throw new TrainingDataFormatUnknown(text);
        };
    }
}
