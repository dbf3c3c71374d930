package io.mlops.data.dataset.web;

import java.util.List;
import java.util.function.BiFunction;

/** Checks lists of texts from a request body, naming the first bad element as {@code field[i]}. */
final class RequestTexts {

    private RequestTexts() {
    }

    /**
     * Throws the problem {@code invalid} makes from the field and the reason for the first element that is null
     * or holds a NUL character (PostgreSQL's jsonb, where these lists are stored, refuses U+0000).
     */
    static void check(String field, List<String> texts, BiFunction<String, String, RuntimeException> invalid) {
        for (int i = 0; texts != null && i < texts.size(); i++) {
            String text = texts.get(i);
            if (text == null) {
                throw invalid.apply(field + "[" + i + "]", "may not be null");
            }
            if (text.indexOf('\0') >= 0) {
                throw invalid.apply(field + "[" + i + "]", "may not contain the NUL character");
            }
        }
    }
}
