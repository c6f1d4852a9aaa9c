package org.openhqd.quality;

/**
 * How much a finding matters (record-quality.md §2): an ERROR blocks upload or will be rejected, a
 * WARNING must be reviewed, an INFO is advice. Rules based only on a general principle never block.
 */
public enum Severity {
    ERROR, WARNING, INFO;

    /** Whether this is at least as severe as {@code other}. */
    public boolean atLeast(Severity other) {
        return ordinal() <= other.ordinal();
    }
}
