package io.mlops.domain.feature;

import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;

/**
 * How raw row values become numbers, category keys and timestamps. Offline and online rows
 * differ in Java types (a JDBC Long vs a JSON Integer, a LocalDate vs an ISO string), so every
 * conversion here is chosen so that equal values give equal results whatever their type.
 */
final class Values {

  private static final double EXACT_LONG_LIMIT = 0x1p53;

  private Values() {}

  /** Null, or a floating NaN (how pandas and DuckDB exports often spell a missing number). */
  static boolean isMissing(Object value) {
    return value == null
        || (value instanceof Double d && d.isNaN())
        || (value instanceof Float f && f.isNaN());
  }

  static double toDouble(Object value, String feature, String column, String step) {
    double x;
    if (value instanceof Number n) {
      x = n.doubleValue();
    } else if (value instanceof Boolean b) {
      x = b ? 1.0 : 0.0;
    } else {
      throw new TransformationNotApplicable(feature, column,
          step + " needs numbers but the column holds " + describe(value));
    }
    if (!Double.isFinite(x)) {
      throw new ValueOutsideDomain(feature, column, step + " cannot take the infinite value " + x);
    }
    return x;
  }

  /**
   * The category key: text as is, booleans as "true"/"false", numbers in their shortest form with
   * integral values written without a fraction, so 3, 3L and 3.0 are all "3".
   */
  static String categoryKey(Object value, String feature, String column) {
    return switch (value) {
      case String s -> s;
      case Boolean b -> b.toString();
      case Integer i -> i.toString();
      case Long l -> l.toString();
      case Short s -> s.toString();
      case Byte b -> b.toString();
      case BigInteger b -> b.toString();
      case Number n -> numberKey(n.doubleValue());
      case Character c -> c.toString();
      default -> throw new TransformationNotApplicable(feature, column,
          "one_hot needs text, booleans or numbers but the column holds " + describe(value));
    };
  }

  static String numberKey(double x) {
    if (x == Math.rint(x) && Math.abs(x) < EXACT_LONG_LIMIT) {
      return Long.toString((long) x);
    }
    return Double.toString(x);
  }

  /**
   * A date or timestamp as local date-time fields. Instants and values with an offset or zone are
   * taken in UTC, so the same instant gives the same parts however it was written. Strings are
   * ISO-8601: {@code 2012-01-31}, {@code 2012-01-31T10:15:30}, {@code 2012-01-31T10:15:30Z} or with an offset.
   */
  static LocalDateTime toDateTime(Object value, String feature, String column) {
    return switch (value) {
      case LocalDate d -> d.atStartOfDay();
      case LocalDateTime t -> t;
      case Instant i -> LocalDateTime.ofInstant(i, ZoneOffset.UTC);
      case OffsetDateTime o -> o.withOffsetSameInstant(ZoneOffset.UTC).toLocalDateTime();
      case ZonedDateTime z -> LocalDateTime.ofInstant(z.toInstant(), ZoneOffset.UTC);
      case String s -> parse(s, feature, column);
      default -> throw new TransformationNotApplicable(feature, column,
          "date_parts needs dates or timestamps but the column holds " + describe(value));
    };
  }

  private static LocalDateTime parse(String text, String feature, String column) {
    try {
      if (text.length() == 10) {
        return LocalDate.parse(text).atStartOfDay();
      }
      char last = text.charAt(text.length() - 1);
      boolean hasOffset = last == 'Z' || last == 'z' || text.lastIndexOf('+') > 0
          || text.lastIndexOf('-') > text.indexOf('T');
      return hasOffset
          ? OffsetDateTime.parse(text).withOffsetSameInstant(ZoneOffset.UTC).toLocalDateTime()
          : LocalDateTime.parse(text);
    } catch (DateTimeParseException | StringIndexOutOfBoundsException e) {
      throw new TransformationNotApplicable(feature, column,
          "date_parts needs dates or timestamps but the column holds " + describe(text));
    }
  }

  static String describe(Object value) {
    String text = String.valueOf(value);
    if (text.length() > 40) {
      text = text.substring(0, 40) + "...";
    }
    return value instanceof String ? "text ('" + text + "')"
        : value.getClass().getSimpleName() + " (" + text + ")";
  }
}
