package io.mlops.feature.featureset;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/** Reads event times: dates are midnight UTC, timestamps without an offset are UTC. */
public final class EventTimes {

    private EventTimes() {
    }

    /** The instant, or null when the value is missing or not a date/timestamp. */
    public static Instant parse(Object value) {
        if (value == null) {
            return null;
        }
        String text = value.toString().trim();
        try {
            if (text.length() == 10) {
                return LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant();
            }
            if (text.endsWith("Z") || text.matches(".*[+-]\\d\\d:?\\d\\d$")) {
                return OffsetDateTime.parse(text.replace(' ', 'T')).toInstant();
            }
            return LocalDateTime.parse(text.replace(' ', 'T')).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
