package io.mlops.inference.events;

import java.time.Instant;

/**
 * Instant.toString (ISO_INSTANT, what Jackson's InstantSerializer writes), remembering the last instant and the
 * text of its second: DateTimeFormatter took ~6 % of the envelope JSON, and consecutive events share their second.
 * ISO_INSTANT writes the fraction in groups of three digits, none when it is zero.
 */
final class LastInstant {

    private Instant instant;
    private String text;
    private long second = Long.MIN_VALUE;
    private String secondText; // "2026-11-28T04:00:00" without the 'Z'
    private final StringBuilder buffer = new StringBuilder(40);

    String text(Instant next) {
        if (next.equals(instant)) {
            return text;
        }
        if (next.getEpochSecond() != second) {
            second = next.getEpochSecond();
            String whole = Instant.ofEpochSecond(second).toString();
            secondText = whole.substring(0, whole.length() - 1);
        }
        int nano = next.getNano();
        buffer.setLength(0);
        buffer.append(secondText);
        if (nano != 0) {
            int digits = nano % 1_000_000 == 0 ? 3 : nano % 1_000 == 0 ? 6 : 9;
            int value = digits == 3 ? nano / 1_000_000 : digits == 6 ? nano / 1_000 : nano;
            buffer.append('.');
            for (int scale = digits == 3 ? 100 : digits == 6 ? 100_000 : 100_000_000; scale > 0; scale /= 10) {
                buffer.append((char) ('0' + value / scale % 10));
            }
        }
        instant = next;
        text = buffer.append('Z').toString();
        return text;
    }
}
