package io.mlops.domain.id;

import java.util.regex.Pattern;

/**
 * The rule for user-chosen names (datasets, feature sets, models, aliases). They appear in URLs,
 * Kafka keys, schema objects and file names, so path characters are refused everywhere alike.
 */
public final class Names {

    private static final Pattern VALID = Pattern.compile("[a-z0-9][a-z0-9._-]{0,127}", Pattern.CASE_INSENSITIVE);

    private Names() {
    }

    public static boolean isValid(String name) {
        return name != null && VALID.matcher(name).matches() && !name.contains("..");
    }

    /** Returns the name, or throws with a message that says what is allowed. */
    public static String require(String kind, String name) {
        if (!isValid(name)) {
            throw new IllegalArgumentException(kind + " name '" + name + "' is invalid: use 1-128 letters, digits, '.', '_' or '-', starting with a letter or digit");
        }
        return name;
    }
}
