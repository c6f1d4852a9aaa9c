package org.openhqd.casemix.casefile;

import org.openhqd.casemix.drg.InpatientCase;
import org.openhqd.casemix.drg.Problem;

/**
 * One data row of a case file: the case, or — when the row could not be read as a case — the
 * problem, always with the row's line number so a clerk can find it.
 *
 * @param line 1-based line number in the file (the header is line 1)
 * @param caseId the row's case id, as far as it could be read
 * @param kase the case, or null when the row is malformed
 * @param problem why the row is malformed, or null
 */
public record CaseRow(long line, String caseId, InpatientCase kase, Problem problem) {

    public boolean readable() {
        return kase != null;
    }
}
