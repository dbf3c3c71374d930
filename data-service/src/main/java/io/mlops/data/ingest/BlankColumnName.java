package io.mlops.data.ingest;

/** A column whose name is empty or only whitespace; column() is its 1-based position as "#n". */
public final class BlankColumnName extends InvalidDataset {

    public BlankColumnName(int position, Long line) {
        super("column " + position + " has a blank name", line, "#" + position);
    }

    @Override
    public String code() {
        return "blank-column-name";
    }
}
