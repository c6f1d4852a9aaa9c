package org.openhqd.casemix.drg;

/**
 * A scheme's data files are missing or do not follow the format. The message names the scheme,
 * the file, the line and the column, in Chinese and English, so whoever prepares a scheme can fix
 * the data without reading Java.
 */
public final class SchemeFormatException extends RuntimeException {

    private final String file;
    private final int line;

    SchemeFormatException(String scheme, String file, int line, String zh, String en) {
        super(format(scheme, file, line, zh, en));
        this.file = file;
        this.line = line;
    }

    private static String format(String scheme, String file, int line, String zh, String en) {
        String where = file == null ? scheme : scheme + "/" + file + (line > 0 ? ":" + line : "");
        return "[HQD-SCHEME] " + where + ": " + zh + " / " + en;
    }

    /** The data file at fault, or null when the problem is not in one file. */
    public String file() {
        return file;
    }

    /** 1-based line of the file (the header is line 1), or 0. */
    public int line() {
        return line;
    }
}
