package io.mlops.data.dataset.web;

import java.util.List;
import java.util.function.BiFunction;

/**
 * Checks texts from a request body that are stored in PostgreSQL's jsonb, which refuses the NUL character
 * (U+0000): list elements are named {@code field[i]}.
 */
final class RequestTexts {

    private RequestTexts() {
    }

    /**
     * Throws the problem {@code invalid} makes from the field and the reason for the first element that is null
     * or holds a NUL character.
     */
    static void check(String field, List<String> texts, BiFunction<String, String, RuntimeException> invalid) {
        for (int i = 0; texts != null && i < texts.size(); i++) {
            String text = texts.get(i);
            if (text == null) {
                throw invalid.apply(field + "[" + i + "]", "may not be null");
            }
            checkNul(field + "[" + i + "]", text, invalid);
        }
    }

    /** Throws the problem {@code invalid} makes if {@code text} (which may be null) holds a NUL character. */
    static void checkNul(String field, String text, BiFunction<String, String, RuntimeException> invalid) {
        if (text != null && text.indexOf('\0') >= 0) {
            throw invalid.apply(field, "may not contain the NUL character");
        }
    }
}
