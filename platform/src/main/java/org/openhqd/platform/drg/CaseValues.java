package org.openhqd.platform.drg;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * Reads the typed values analytics needs out of submitted text: a value that does not read is
 * null (the QC findings name it), never a guess.
 */
final class CaseValues {

    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private static final DateTimeFormatter SECOND = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private CaseValues() {
    }

    /** {@code yyyy-MM-dd HH:mm}, {@code yyyy-MM-dd HH:mm:ss}, {@code yyyy-MM-ddTHH:mm[:ss]} or a bare date (midnight). */
    static LocalDateTime dateTime(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String t = text.strip().replace('T', ' ').replace('/', '-');
        try {
            return switch (t.length()) {
                case 10 -> LocalDate.parse(t).atStartOfDay();
                case 16 -> LocalDateTime.parse(t, MINUTE);
                case 19 -> LocalDateTime.parse(t, SECOND);
                default -> null;
            };
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    static Integer integer(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String t = text.strip();
        if (t.length() > 9) {
            return null;
        }
        for (int i = 0; i < t.length(); i++) {
            if (!Character.isDigit(t.charAt(i)) && !(i == 0 && t.charAt(i) == '-')) {
                return null;
            }
        }
        try {
            return Integer.valueOf(t);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** An amount in yuan to the fen; null when not a number or beyond NUMERIC(14,2). */
    static BigDecimal amount(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            BigDecimal v = new BigDecimal(text.strip());
            if (v.abs().compareTo(new BigDecimal("999999999999")) > 0) {
                return null;
            }
            return v.setScale(2, java.math.RoundingMode.HALF_UP);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** Text cut to a column's width (the QC finding keeps the full value where it matters). */
    static String cut(String text, int width) {
        if (text == null) {
            return null;
        }
        return text.length() <= width ? text : text.substring(0, width);
    }
}
