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
            case Integer i -> writeDecimal(i, out);
            case Long l -> writeDecimal(l, out);
            case BigInteger b -> out.write(b.toString().getBytes(StandardCharsets.US_ASCII));
            default -> out.write(json.writeValueAsBytes(entity));
        }
    }

    /** The decimal digits of {@code value}, as {@link Long#toString(long)} writes them, without making a String. */
    static void writeDecimal(long value, AnswerBuffer out) {
        if (value < 0 && value != Long.MIN_VALUE) {
            out.write((byte) '-');
            value = -value;
        } else if (value == Long.MIN_VALUE) {
            out.write(Long.toString(value).getBytes(StandardCharsets.US_ASCII));
            return;
        }
        int digits = 1;
        for (long rest = value / 10; rest > 0; rest /= 10) {
            digits++;
        }
        out.ensure(digits);
        byte[] to = out.array();
        int end = out.size() + digits;
        for (int at = end - 1; at >= out.size(); at--) {
            to[at] = (byte) ('0' + value % 10);
            value /= 10;
        }
        out.truncate(end);
    }

    /**
     * Writes a stored vector ({@code [v0,v1,...]}, see {@link OnlineStore#encode}) as the object
     * {@code {"name0":v0,"name1":v1,...}}, {@code fields} being the text before each value, in one
     * pass. False, and nothing written, when it does not hold exactly one value per field.
     */
    static boolean writeFeatures(byte[] stored, byte[][] fields, AnswerBuffer out) {
        int fieldBytes = 0;
        for (byte[] field : fields) {
            fieldBytes += field.length;
        }
        return writeFeatures(stored, 0, stored.length, fields, fieldBytes, out);
    }

    /**
     * As {@link #writeFeatures(byte[], byte[][], AnswerBuffer)} for the {@code length} bytes of
     * {@code stored} from {@code offset}; {@code fieldBytes} is the length of all {@code fields}
     * together. Room is made once per vector and each value is copied while it is scanned for its comma,
     * straight into the buffer's array (the answer is only taken when the whole vector fits its
     * fields): the splice was ~20 % of a lookup's request-thread samples with a capacity check and an
     * arraycopy per field name and per value.
     */
    static boolean writeFeatures(byte[] stored, int offset, int length, byte[][] fields, int fieldBytes, AnswerBuffer out) {
        int last = offset + length - 1;
        if (length < 3 || stored[offset] != '[' || stored[last] != ']') {
            return false;
        }
        out.ensure(fieldBytes + length);   // names + values + '}' (the brackets and commas make up for the braces)
        byte[] to = out.array();
        int at = out.size();
        int from = offset + 1;
        int count = fields.length;
        for (int c = 0; c < count; c++) {
            byte[] field = fields[c];
            System.arraycopy(field, 0, to, at, field.length);
            at += field.length;
            int valueStart = at;
            byte b;
            while (from < last && (b = stored[from]) != ',') {
                to[at++] = b;
                from++;
            }
            if (at == valueStart || (from == last) != (c == count - 1)) {
                return false;   // an empty value, or fewer or more values than fields: nothing taken
            }
            from++;
        }
        to[at++] = '}';
        out.truncate(at);
        return true;
    }
}
