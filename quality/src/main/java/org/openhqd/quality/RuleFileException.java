package org.openhqd.quality;

/** A rule file that cannot be used; the message names the file and line and says what is wrong. */
public final class RuleFileException extends RuntimeException {

    private final String file;
    private final int line;

    RuleFileException(String file, int line, String problem) {
        super(file + ":" + line + ": " + problem);
        this.file = file;
        this.line = line;
    }

    public String file() {
        return file;
    }

    public int line() {
        return line;
    }
}
