package org.openhqd.quality;

/** Small text helpers shared by the model and the rules. */
final class Text {

    private Text() {
    }

    static String orEmpty(String s) {
        return s == null ? "" : s;
    }

    /**
     * Whether a field counts as not filled: empty, blanks only, or the lone {@code -} that the
     * record home page uses for "nothing applies" (卫医政发〔2011〕84号) — which is no value for a
     * field that must have one.
     */
    static boolean blank(String s) {
        if (s == null) {
            return true;
        }
        // one scan, no allocation: runs for every required field of every record
        int visible = 0;
        char only = 0;
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            if (!Character.isWhitespace(ch)) {
                if (++visible > 1) {
                    return false;
                }
                only = ch;
            }
        }
        return visible == 0 || only == '-';
    }

    /** Masks an identity document number: only the last 4 characters stay readable. */
    static String mask(String s) {
        if (s == null || s.isEmpty()) {
            return "";
        }
        int keep = Math.min(4, s.length() / 3);
        return "*".repeat(Math.min(14, s.length() - keep)) + s.substring(s.length() - keep);
    }
}
