package org.openhqd.casemix.casefile;

/** The case file as a whole cannot be read (wrong encoding, no header, missing columns). */
public final class CaseFileException extends RuntimeException {

    private final long line;

    public CaseFileException(long line, String zh, String en) {
        super((line > 0 ? "第 " + line + " 行：" : "") + zh + " / " + (line > 0 ? "line " + line + ": " : "") + en);
        this.line = line;
    }

    public long line() {
        return line;
    }
}
