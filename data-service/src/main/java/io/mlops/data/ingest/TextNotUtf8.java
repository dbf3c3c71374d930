package io.mlops.data.ingest;

/** A text file (CSV, JSON Lines) with a byte sequence that is not valid UTF-8. */
public final class TextNotUtf8 extends InvalidDataset {

    public TextNotUtf8(long line, long byteOffset) {
        super("the file is not UTF-8: invalid byte sequence on line " + line + " at byte offset " + byteOffset, line, null);
    }

    @Override
    public String code() {
        return "text-not-utf8";
    }
}
