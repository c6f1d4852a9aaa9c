package org.openhqd.quality;

/** Reads the plain decimal numbers of a settlement list (no units, no exponents, bounded length). */
final class Numbers {

    /** Sixteen integer digits are beyond any cost or weight; longer text is not read as a number. */
    private static final int MAX_INTEGER_DIGITS = 16;
    private static final int MAX_FRACTION_DIGITS = 8;

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
        return isDecimal(t) ? Double.parseDouble(t) : NONE;
    }

    /** {@code [+-]?[0-9]{1,16}(\.[0-9]{1,8})?}, scanned by hand: it runs for every numeric field. */
    private static boolean isDecimal(String t) {
        int n = t.length();
        int i = n > 0 && (t.charAt(0) == '+' || t.charAt(0) == '-') ? 1 : 0;
        int start = i;
        while (i < n && t.charAt(i) >= '0' && t.charAt(i) <= '9') {
            i++;
        }
        int integer = i - start;
        if (integer == 0 || integer > MAX_INTEGER_DIGITS) {
            return false;
        }
        if (i == n) {
            return true;
        }
        if (t.charAt(i) != '.') {
            return false;
        }
        int fractionStart = ++i;
        while (i < n && t.charAt(i) >= '0' && t.charAt(i) <= '9') {
            i++;
        }
        int fraction = i - fractionStart;
        return i == n && fraction >= 1 && fraction <= MAX_FRACTION_DIGITS;
    }

    static boolean isNone(double v) {
        return Double.isNaN(v);
    }

    /** Shows a number without a trailing {@code .0}. */
    static String show(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }
}
