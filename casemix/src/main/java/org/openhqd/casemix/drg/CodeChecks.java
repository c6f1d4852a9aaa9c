package org.openhqd.casemix.drg;

/**
 * The code-check lists of a scheme (CHS-DRG 2.0 README §2.4), applied to the principal codes before
 * the MDC loop. A scheme without these files has {@link #NONE}: nothing is checked.
 *
 * @param invalidDx diagnoses not accepted as principal diagnosis ({@code invalid_dx.tsv})
 * @param grayDx gray diagnosis codes, not groupable as principal diagnosis ({@code gray_dx.tsv})
 * @param grayProc gray procedure codes, not groupable as principal procedure ({@code gray_proc.tsv})
 * @param invalidProc procedures that do not count as principal procedure ({@code invalid_proc.tsv}):
 *     the first slot of such a case is emptied
 */
record CodeChecks(CodeSet invalidDx, CodeSet grayDx, CodeSet grayProc, CodeSet invalidProc) {

    static final CodeChecks NONE = new CodeChecks(CodeSet.EMPTY, CodeSet.EMPTY, CodeSet.EMPTY, CodeSet.EMPTY);

    boolean any() {
        return invalidDx.size() + grayDx.size() + grayProc.size() + invalidProc.size() > 0;
    }
}
