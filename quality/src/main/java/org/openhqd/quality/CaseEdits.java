package org.openhqd.quality;

import java.util.ArrayList;
import java.util.List;
import org.openhqd.casemix.drg.InpatientCase;

/** The edits a fix makes to a grouping case; the case itself stays untouched. */
final class CaseEdits {

    private CaseEdits() {
    }

    static InpatientCase replace(InpatientCase c, CodeList list, int index, String code) {
        List<String> codes = new ArrayList<>(list.codes(c));
        codes.set(index, code);
        return with(c, list, codes);
    }

    static InpatientCase remove(InpatientCase c, CodeList list, int index) {
        List<String> codes = new ArrayList<>(list.codes(c));
        codes.remove(index);
        return with(c, list, codes);
    }

    /** Moves line {@code index} to the front; the former principal becomes the second line. */
    static InpatientCase moveToPrincipal(InpatientCase c, CodeList list, int index) {
        List<String> codes = new ArrayList<>(list.codes(c));
        String moved = codes.remove(index);
        codes.add(0, moved);
        return with(c, list, codes);
    }

    /** Exchanges the principal and line {@code index}. */
    static InpatientCase swapWithPrincipal(InpatientCase c, CodeList list, int index) {
        List<String> codes = new ArrayList<>(list.codes(c));
        String principal = codes.get(0);
        codes.set(0, codes.get(index));
        codes.set(index, principal);
        return with(c, list, codes);
    }

    private static InpatientCase with(InpatientCase c, CodeList list, List<String> codes) {
        return new InpatientCase(c.caseId(), c.sex(), c.age(), c.ageDays(), c.birthWeight(), c.dept(), c.los(),
                c.dischargeType(), list == CodeList.DIAGNOSES ? codes : c.diagnoses(),
                list == CodeList.PROCEDURES ? codes : c.procedures());
    }
}
