package io.mlops.data.version;

import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.databind.ser.std.StdSerializer;

/**
 * Makes documents storable as PostgreSQL jsonb, which refuses the NUL character (U+0000) that a user's file
 * may hold in its values: every NUL in a text becomes U+FFFD, the replacement character. Documents without
 * one come back as they are.
 */
final class JsonbText {

    private static final char NUL = '\0';
    private static final char REPLACEMENT = '\uFFFD';

    private final JsonMapper json;
    private final JsonMapper replacing;

    JsonbText(JsonMapper json) {
        this.json = json;
        this.replacing = json.rebuild().addModule(new SimpleModule("jsonb-text").addSerializer(String.class,
                new StdSerializer<String>(String.class) {
                    @Override
                    public void serialize(String value, JsonGenerator generator, SerializationContext context) {
                        generator.writeString(value.replace(NUL, REPLACEMENT));
                    }
                })).build();
    }

    /** {@code value}, or a copy of it with every NUL in its texts replaced; null stays null. */
    @SuppressWarnings("unchecked")
    <T> T storable(T value) {
        if (value == null || !json.writeValueAsString(value).contains("\\u0000")) {
            return value;
        }
        return (T) json.readValue(replacing.writeValueAsString(value), value.getClass());
    }
}
