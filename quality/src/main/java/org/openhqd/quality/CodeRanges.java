package org.openhqd.quality;

import java.util.ArrayList;
import java.util.List;

/**
 * Code ranges as regulations write them: {@code C51-C58,N70-N98,O,Z32-Z39} for diagnoses, {@code
 * 65-75} or {@code 68.3-68.9} for procedures. A code is in {@code lo-hi} when its first characters
 * (as many as {@code lo} has) are not before {@code lo} and its first characters (as many as {@code
 * hi} has) are not after {@code hi}; a lone item is a prefix ({@code O} = the whole O chapter).
 * Codes compare as exact text, as the grouper compares them.
 */
final class CodeRanges {

    private final String text;
    private final String[] lows;
    private final String[] highs;

    private CodeRanges(String text, String[] lows, String[] highs) {
        this.text = text;
        this.lows = lows;
        this.highs = highs;
    }

    /** @throws IllegalArgumentException for an empty list, an empty item or a range whose end is before its start */
    static CodeRanges parse(String text) {
        List<String> lo = new ArrayList<>();
        List<String> hi = new ArrayList<>();
        for (String item : text.split(",", -1)) {
            String s = item.strip();
            int dash = s.indexOf('-');
            String a = dash < 0 ? s : s.substring(0, dash).strip();
            String b = dash < 0 ? s : s.substring(dash + 1).strip();
            if (a.isEmpty() || b.isEmpty()) {
                throw new IllegalArgumentException("empty code range item in '" + text + "'");
            }
            if (a.compareTo(b.substring(0, Math.min(a.length(), b.length()))) > 0) {
                throw new IllegalArgumentException("code range '" + s + "' ends before it starts");
            }
            lo.add(a);
            hi.add(b);
        }
        return new CodeRanges(text, lo.toArray(String[]::new), hi.toArray(String[]::new));
    }

    boolean contains(String code) {
        if (code == null || code.isEmpty()) {
            return false;
        }
        for (int i = 0; i < lows.length; i++) {
            // a code shorter than the bound (e.g. "C5" against "C51") is not a code of the range
            if (code.length() >= lows[i].length() && compareHead(code, lows[i]) >= 0 && compareHead(code, highs[i]) <= 0) {
                return true;
            }
        }
        return false;
    }

    /**
     * Compares the code's first {@code bound.length()} characters (or all of a shorter code) with
     * the bound, as {@code String.compareTo} would compare that prefix; allocation-free because it
     * runs for every code and every range.
     */
    private static int compareHead(String code, String bound) {
        int n = Math.min(code.length(), bound.length());
        for (int k = 0; k < n; k++) {
            int d = code.charAt(k) - bound.charAt(k);
            if (d != 0) {
                return d;
            }
        }
        return n - bound.length();
    }

    @Override
    public String toString() {
        return text;
    }
}
