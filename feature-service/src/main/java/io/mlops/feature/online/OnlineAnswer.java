package io.mlops.feature.online;

import java.math.BigInteger;
import java.nio.ByteBuffer;
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
     * Whether a stored value is an object (the JSON text {@link OnlineStore#encode} wrote for this
     * version's names), to be copied into the answer as it is. A value of another layout under the
     * key is not served, so it cannot become broken JSON in an answer.
     */
    static boolean isObject(ByteBuffer stored) {
        int length = stored.remaining();
        return length >= 2 && stored.get(stored.position()) == '{' && stored.get(stored.limit() - 1) == '}';
    }

    static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
