package io.mlops.data.schema;

/** Quoting for identifiers and literals put into DuckDB SQL; column names come from users' files. */
public final class SqlNames {

    private SqlNames() {
    }

    public static String ident(String name) {
        return '"' + name.replace("\"", "\"\"") + '"';
    }

    public static String literal(String text) {
        return '\'' + text.replace("'", "''") + '\'';
    }
}
