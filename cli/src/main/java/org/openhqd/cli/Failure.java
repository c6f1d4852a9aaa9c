package org.openhqd.cli;

/** A run that cannot go on, with the exit code and the one-line bilingual message to show. */
final class Failure extends RuntimeException {

    /** The input (file, encoding, header, scheme) cannot be read. */
    static final int INPUT = 2;
    /** The output cannot be written. */
    static final int OUTPUT = 1;

    private final int exitCode;

    Failure(int exitCode, String message) {
        super(message, null, false, false);
        this.exitCode = exitCode;
    }

    static Failure input(String zh, String en) {
        return new Failure(INPUT, zh + " / " + en);
    }

    static Failure output(String zh, String en) {
        return new Failure(OUTPUT, zh + " / " + en);
    }

    int exitCode() {
        return exitCode;
    }
}
