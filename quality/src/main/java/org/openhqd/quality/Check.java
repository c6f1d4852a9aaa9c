package org.openhqd.quality;

import org.openhqd.casemix.drg.Scheme;

/**
 * A rule type bound to one rule's parameters. Implementations are immutable and never throw on
 * any record: bad values are findings (or another rule's findings), never exceptions.
 */
interface Check {

    void run(CheckContext ctx, Hits hits);

    /**
     * Why this check cannot run with the scheme (its reference table is empty), or null. A skipped
     * rule is reported as skipped, never as passed (record-quality.md §6).
     */
    default String skipReason(Scheme scheme) {
        return null;
    }
}
