package io.mlops.data.ingest;

/**
 * A column name holding the NUL character, which DuckDB's SQL cannot name; column() shows it with U+FFFD in
 * place of each NUL.
 */
public final class NulInColumnName extends InvalidDataset {

    public NulInColumnName(String name, Long line) {
        super("column '" + printable(name) + "' has a NUL character in its name", line, printable(name));
    }

    private static String printable(String name) {
        return name.replace('\0', '\uFFFD');
    }

    @Override
    public String code() {
        return "nul-in-column-name";
    }
}
