package io.mlops.monitoring.reference;

/** Conversions of raw cell and feature values; anything that is not a number becomes NaN (a null for drift). */
public final class Values {

    private Values() {
    }

    static Double number(String s) {
        try {
            return Double.valueOf(s.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** A number from a CSV cell or a JSON feature value: numbers, numeric strings and booleans (1/0); else NaN. */
    public static double toDouble(Object v) {
        return switch (v) {
            case null -> Double.NaN;
            case Number n -> n.doubleValue();
            case Boolean b -> b ? 1.0 : 0.0;
            case String s -> {
                Double d = number(s);
                yield d == null ? Double.NaN : d;
            }
            default -> Double.NaN;
        };
    }

    /** A category from a JSON feature value; numbers that are whole print without ".0" so they match CSV cells. */
    public static String toCategory(Object v) {
        return switch (v) {
            case null -> null;
            case String s -> s.isEmpty() ? null : s;
            case Double d when d == Math.rint(d) && !d.isInfinite() -> Long.toString(d.longValue());
            default -> v.toString();
        };
    }
}
