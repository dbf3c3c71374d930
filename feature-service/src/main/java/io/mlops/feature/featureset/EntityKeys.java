package io.mlops.feature.featureset;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * One text form of an entity key, shared by the offline table's {@code _entity} column, the Redis
 * keys and the lookup requests, so "7", 7 and 7.0 name the same entity. A composite key joins its
 * parts with U+001F (unit separator), which does not occur in ordinary key values.
 */
public final class EntityKeys {

    public static final char SEPARATOR = '\u001f';

    private EntityKeys() {
    }

    /** The key of a row, or null when a part is missing. */
    public static String of(Map<String, ?> row, List<String> columns) {
        if (columns.size() == 1) {
            return text(row.get(columns.getFirst()));
        }
        StringBuilder key = new StringBuilder();
        for (String column : columns) {
            String part = text(row.get(column));
            if (part == null) {
                return null;
            }
            if (!key.isEmpty()) {
                key.append(SEPARATOR);
            }
            key.append(part);
        }
        return key.toString();
    }

    /**
     * The key a request names: a bare string or number for a single-column key, or an object with a
     * value per key column; null when a part is missing.
     */
    public static String ofRequest(Object entity, List<String> columns) {
        if (entity instanceof Map<?, ?> parts) {
            Map<String, Object> byName = new java.util.HashMap<>();
            parts.forEach((k, v) -> byName.put(String.valueOf(k), v));
            return of(byName, columns);
        }
        return columns.size() == 1 ? text(entity) : null;
    }

    /** The parts of a key made by {@link #of}, one per key column. */
    public static String[] parts(String key, int columns) {
        return columns == 1 ? new String[] {key} : key.split(String.valueOf(SEPARATOR), -1);
    }

    /** A value's canonical text: integral numbers without a fraction, others in shortest form. */
    public static String text(Object value) {
        return switch (value) {
            case null -> null;
            case String s -> s.isEmpty() ? null : s;
            case Double d when d == Math.rint(d) && !d.isInfinite() && Math.abs(d) < 1e15 -> Long.toString(d.longValue());
            case Float f -> text(f.doubleValue());
            case BigDecimal b -> text(b.doubleValue());
            default -> value.toString();
        };
    }
}
