package io.mlops.feature.online;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import tools.jackson.core.io.JsonStringEncoder;
import tools.jackson.databind.json.JsonMapper;

/**
 * The byte-level pieces of a lookup's answer. Written by hand rather than through a JsonGenerator
 * because most of the answer is copied from Redis as it is: a generator would need a flush around
 * each copied piece and tracks a context it could not see those pieces in.
 */
final class OnlineAnswer {

    private OnlineAnswer() {
    }

    /** A JSON string literal, quoted and escaped. */
    static String quoted(String text) {
        return '"' + new String(JsonStringEncoder.getInstance().quoteAsCharArray(text)) + '"';
    }

    /** An entity as the caller sent it: strings and integers directly, anything else through Jackson. */
    static void writeEntity(Object entity, JsonMapper json, ByteArrayOutputStream out) {
        switch (entity) {
            case String s -> {
                out.write('"');
                out.writeBytes(JsonStringEncoder.getInstance().quoteAsUTF8(s));
                out.write('"');
            }
            case Integer i -> out.writeBytes(Integer.toString(i).getBytes(StandardCharsets.US_ASCII));
            case Long l -> out.writeBytes(Long.toString(l).getBytes(StandardCharsets.US_ASCII));
            case BigInteger b -> out.writeBytes(b.toString().getBytes(StandardCharsets.US_ASCII));
            default -> out.writeBytes(json.writeValueAsBytes(entity));
        }
    }

    /** Whether a stored vector ({@code [v0,v1,...]}, see {@link OnlineStore#encode}) holds {@code width} values. */
    static boolean holds(byte[] stored, int width) {
        int last = stored.length - 1;
        if (last < 2 || stored[0] != '[' || stored[last] != ']') {
            return false;
        }
        int commas = 0;
        for (int i = 1; i < last; i++) {
            if (stored[i] == ',') {
                commas++;
            }
        }
        return commas == width - 1;
    }

    /**
     * Writes a stored vector that {@link #holds} one value per field as the object
     * {@code {"name0":v0,"name1":v1,...}}, {@code fields} being the text before each value.
     */
    static void writeFeatures(byte[] stored, byte[][] fields, ByteArrayOutputStream out) {
        int last = stored.length - 1;
        int from = 1;
        for (byte[] field : fields) {
            int to = from;
            while (stored[to] != ',' && to < last) {
                to++;
            }
            out.writeBytes(field);
            out.write(stored, from, to - from);
            from = to + 1;
        }
        out.write('}');
    }
}
