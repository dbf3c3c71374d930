package io.mlops.domain.feature;

import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.chrono.IsoChronology;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.time.temporal.TemporalAccessor;
import java.util.Locale;

/**
 * How raw row values become numbers, category keys and timestamps. Offline and online rows
 * differ in Java types (a JDBC Long vs a JSON Integer, a LocalDate vs an ISO string), so every
 * conversion here is chosen so that equal values give equal results whatever their type.
 */
final class Values {

  private static final double EXACT_LONG_LIMIT = 0x1p53;

  private static final DateTimeFormatter T_SEPARATED = timestamp('T');
  private static final DateTimeFormatter SPACE_SEPARATED = timestamp(' ');

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
   * ISO-8601 or the SQL/pandas spelling with a space: {@code 2012-01-31}, {@code 2012-01-31T10:15:30},
   * {@code 2012-01-31 10:15:30.25}, with or without an offset such as {@code Z}, {@code +00},
   * {@code -0800} or {@code +02:00}.
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
    DateTimeFormatter format = text.indexOf(' ') >= 0 ? SPACE_SEPARATED : T_SEPARATED;
    try {
      TemporalAccessor parsed = format.parseBest(text, OffsetDateTime::from, LocalDateTime::from, LocalDate::from);
      return switch (parsed) {
        case OffsetDateTime o -> o.withOffsetSameInstant(ZoneOffset.UTC).toLocalDateTime();
        case LocalDateTime t -> t;
        case LocalDate d -> d.atStartOfDay();
        default -> throw new IllegalStateException("parseBest returned " + parsed.getClass());
      };
    } catch (DateTimeParseException e) {
      throw new TransformationNotApplicable(feature, column,
          "date_parts needs dates or timestamps but the column holds " + describe(text));
    }
  }

  /**
   * A date, optionally followed by the separator, a time with optional seconds and fraction, and an
   * optional offset. The offset is parsed leniently so {@code Z}, {@code +01}, {@code +0130} and
   * {@code +01:30} all work: DuckDB writes TIMESTAMPTZ with an hour-only offset ({@code +00}), and
   * pandas and DuckDB's CSV writer put a space, not a {@code T}, between date and time.
   */
  private static DateTimeFormatter timestamp(char separator) {
    return new DateTimeFormatterBuilder()
        .parseCaseInsensitive()
        .append(DateTimeFormatter.ISO_LOCAL_DATE)
        .optionalStart()
        .appendLiteral(separator)
        .append(DateTimeFormatter.ISO_LOCAL_TIME)
        .optionalStart()
        .parseLenient()
        .appendOffset("+HH", "Z")
        .optionalEnd()
        .optionalEnd()
        .toFormatter(Locale.ROOT)
        .withResolverStyle(ResolverStyle.STRICT)
        .withChronology(IsoChronology.INSTANCE);
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
