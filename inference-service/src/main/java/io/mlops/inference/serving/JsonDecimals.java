package io.mlops.inference.serving;

import tools.jackson.core.JsonParser;

/**
 * Reads a JSON float token's value without Jackson's general double parser, when exactness is certain: a plain
 * decimal (no exponent) of at most 18 digits whose digits make an integer {@code m ≤ 2^53} and whose fraction has at
 * most 22 digits is {@code ±m / 10^k}, and both operands are exact doubles, so the one IEEE division is correctly
 * rounded: the same double {@link Double#parseDouble} gives (Clinger's fast path, which the JDK's parser takes for
 * these inputs too). Anything else goes to {@link JsonParser#getDoubleValue()}. Why by hand: a 32-row digits request
 * holds 2,048 such numbers, and the parser's general path (its text → double conversion) was ~5 % of the request's
 * CPU in the profile.
 */
public final class JsonDecimals {

    private static final double[] POWERS_OF_TEN = new double[23];
    private static final long MAX_EXACT = 1L << 53;

    static {
        double power = 1;
        for (int i = 0; i < POWERS_OF_TEN.length; i++) {
            POWERS_OF_TEN[i] = power;
            power *= 10;
        }
    }

    private JsonDecimals() {
    }

    /** The value of the current {@code VALUE_NUMBER_FLOAT} token, as {@link JsonParser#getDoubleValue()} gives it. */
    public static double read(JsonParser p) {
        double fast = exact(p.getTextCharacters(), p.getTextOffset(), p.getTextLength());
        return Double.isNaN(fast) ? p.getDoubleValue() : fast;
    }

    /** The value of {@code text[offset, offset + length)} when the fast path is exact, else NaN. */
    static double exact(char[] text, int offset, int length) {
        int i = offset;
        int end = offset + length;
        boolean negative = i < end && text[i] == '-';
        if (negative) {
            i++;
        }
        long m = 0;
        int digits = 0;
        int scale = 0;
        boolean point = false;
        for (; i < end; i++) {
            char c = text[i];
            if (c >= '0' && c <= '9') {
                if (++digits > 18) {
                    return Double.NaN;
                }
                m = m * 10 + (c - '0');
                if (point) {
                    scale++;
                }
            } else if (c == '.' && !point) {
                point = true;
            } else {
                return Double.NaN; // an exponent, or anything unexpected
            }
        }
        if (digits == 0 || m > MAX_EXACT || scale >= POWERS_OF_TEN.length) {
            return Double.NaN;
        }
        double value = m / POWERS_OF_TEN[scale];
        return negative ? -value : value;
    }
}
