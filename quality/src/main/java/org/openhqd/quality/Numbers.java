package org.openhqd.quality;

import java.util.regex.Pattern;

/** Reads the plain decimal numbers of a settlement list (no units, no exponents, bounded length). */
final class Numbers {

    /** Sixteen integer digits are beyond any cost or weight; longer text is not read as a number. */
    private static final Pattern DECIMAL = Pattern.compile("[+-]?[0-9]{1,16}(\\.[0-9]{1,8})?");

    /** Returned for text that is not a plain decimal number. */
    static final double NONE = Double.NaN;

    private Numbers() {
    }

    /** The value, or {@link #NONE}; surrounding blanks are ignored. */
    static double decimal(String text) {
        if (text == null) {
            return NONE;
        }
        String t = text.strip();
        if (t.isEmpty() || t.length() > 26 || !DECIMAL.matcher(t).matches()) {
            return NONE;
        }
        return Double.parseDouble(t);
    }

    static boolean isNone(double v) {
        return Double.isNaN(v);
    }

    /** Shows a number without a trailing {@code .0}. */
    static String show(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }
}
