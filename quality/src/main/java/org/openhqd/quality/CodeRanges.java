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
            String lo = lows[i];
            String hi = highs[i];
            // a code shorter than the bound (e.g. "C5" against "C51") is not a code of the range
            if (code.length() < lo.length() || code.substring(0, lo.length()).compareTo(lo) < 0) {
                continue;
            }
            String top = code.substring(0, Math.min(code.length(), hi.length()));
            if (top.compareTo(hi) <= 0) {
                return true;
            }
        }
        return false;
    }

    @Override
    public String toString() {
        return text;
    }
}
