package io.mlops.data.ingest;

/** A JSON Lines file with a line that is not a JSON object. */
public final class MalformedJsonLine extends InvalidDataset {

    public MalformedJsonLine(Long line, String detail, Throwable cause) {
        super("malformed JSON Lines" + (line == null ? "" : " at line " + line) + ": " + detail, line, null, cause);
    }

    @Override
    public String code() {
        return "malformed-json-line";
    }
}
