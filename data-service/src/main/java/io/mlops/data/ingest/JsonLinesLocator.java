package io.mlops.data.ingest;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Finds the first line of a JSON Lines file that is not a JSON object, with Jackson. Used only after
 * DuckDB refused the file, because DuckDB's own "line N" in 1.4 is one past the bad line.
 */
final class JsonLinesLocator {

    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    private JsonLinesLocator() {
    }

    /** The 1-based physical line of the first line that is neither blank nor a JSON object, or null. */
    static Long firstBadLine(Path file) {
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            long number = 0;
            String line;
            while ((line = reader.readLine()) != null) {
                number++;
                if (!line.isBlank() && !isObject(line)) {
                    return number;
                }
            }
            return null;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean isObject(String line) {
        try {
            JsonNode node = MAPPER.readTree(line);
            return node != null && node.isObject();
        } catch (JacksonException e) {
            return false;
        }
    }
}
