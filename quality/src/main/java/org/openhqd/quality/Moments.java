package org.openhqd.quality;

import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the date-times of a settlement list: {@code yyyy-MM-dd HH:mm[:ss]} (to the minute, as the
 * record home page requires) or a bare {@code yyyy-MM-dd}; {@code T} is accepted between date and
 * time. Impossible dates (2024-02-30) do not read.
 */
final class Moments {

    private static final Pattern MOMENT = Pattern.compile(
            "([0-9]{4})-([0-9]{2})-([0-9]{2})(?:[ T]([0-9]{2}):([0-9]{2})(?::([0-9]{2}))?)?");

    /** A read date-time; {@code hasTime} is false for a bare date (read as 00:00). */
    record Moment(LocalDateTime time, boolean hasTime) {

        /** Compares to the minute, or by calendar day when either side is a bare date. */
        int compareTo(Moment other) {
            if (!hasTime || !other.hasTime) {
                return time.toLocalDate().compareTo(other.time.toLocalDate());
            }
            return time.compareTo(other.time);
        }
    }

    private Moments() {
    }

    /** The moment, or null when the text is not one. */
    static Moment read(String text) {
        if (text == null || text.length() > 40) {
            return null;
        }
        Matcher m = MOMENT.matcher(text.strip());
        if (!m.matches()) {
            return null;
        }
        try {
            boolean hasTime = m.group(4) != null;
            LocalDateTime t = LocalDateTime.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                    Integer.parseInt(m.group(3)), hasTime ? Integer.parseInt(m.group(4)) : 0,
                    hasTime ? Integer.parseInt(m.group(5)) : 0, m.group(6) != null ? Integer.parseInt(m.group(6)) : 0);
            return new Moment(t, hasTime);
        } catch (DateTimeException e) {
            return null;
        }
    }
}
