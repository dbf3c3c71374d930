package io.mlops.feature.materialization;

/**
 * Appends values in Postgres COPY text format. Hand-written because it is four escapes and the
 * driver has no row encoder; doubles use Java's shortest round-trip form, which Postgres parses
 * back to the same double.
 */
final class CopyText {

    private final StringBuilder line;
    private boolean first = true;

    CopyText(StringBuilder line) {
        this.line = line;
    }

    CopyText value(Object value) {
        separator();
        if (value == null) {
            line.append("\\N");
            return this;
        }
        String text = value.toString();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\\' -> line.append("\\\\");
                case '\t' -> line.append("\\t");
                case '\n' -> line.append("\\n");
                case '\r' -> line.append("\\r");
                default -> line.append(c);
            }
        }
        return this;
    }

    CopyText number(double value) {
        separator();
        line.append(value);
        return this;
    }

    void end() {
        line.append('\n');
        first = true;
    }

    private void separator() {
        if (!first) {
            line.append('\t');
        }
        first = false;
    }
}
