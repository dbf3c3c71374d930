package io.mlops.feature.online;

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
    static void writeEntity(Object entity, JsonMapper json, AnswerBuffer out) {
        switch (entity) {
            case String s -> {
                out.write((byte) '"');
                out.write(JsonStringEncoder.getInstance().quoteAsUTF8(s));
                out.write((byte) '"');
            }
            case Integer i -> out.write(Integer.toString(i).getBytes(StandardCharsets.US_ASCII));
            case Long l -> out.write(Long.toString(l).getBytes(StandardCharsets.US_ASCII));
            case BigInteger b -> out.write(b.toString().getBytes(StandardCharsets.US_ASCII));
            default -> out.write(json.writeValueAsBytes(entity));
        }
    }

    /**
     * Writes a stored vector ({@code [v0,v1,...]}, see {@link OnlineStore#encode}) as the object
     * {@code {"name0":v0,"name1":v1,...}}, {@code fields} being the text before each value, in one
     * pass. False, and nothing written, when it does not hold exactly one value per field.
     */
    static boolean writeFeatures(byte[] stored, byte[][] fields, AnswerBuffer out) {
        return writeFeatures(stored, 0, stored.length, fields, out);
    }

    /** As {@link #writeFeatures(byte[], byte[][], AnswerBuffer)} for the {@code length} bytes of {@code stored} from {@code offset}. */
    static boolean writeFeatures(byte[] stored, int offset, int length, byte[][] fields, AnswerBuffer out) {
        int last = offset + length - 1;
        if (length < 3 || stored[offset] != '[' || stored[last] != ']') {
            return false;
        }
        int start = out.size();
        int from = offset + 1;
        for (int c = 0; c < fields.length; c++) {
            int to = from;
            while (to < last && stored[to] != ',') {
                to++;
            }
            if (to == from || (to == last) != (c == fields.length - 1)) {
                out.truncate(start);   // fewer or more values than fields, or an empty one
                return false;
            }
            byte[] field = fields[c];
            out.ensure(field.length + to - from + 1);
            out.write(field);
            out.write(stored, from, to - from);
            from = to + 1;
        }
        out.write((byte) '}');
        return true;
    }
}
