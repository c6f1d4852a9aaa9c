package org.openhqd.quality;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.openhqd.casemix.drg.GroupingResult;
import org.openhqd.casemix.drg.GroupingStatus;
import org.openhqd.casemix.drg.InpatientCase;
import org.openhqd.casemix.drg.Scheme;

/**
 * PROCEDURE_WOULD_CHANGE_ADRG — a secondary procedure that, as principal procedure, puts the case
 * into another ADRG (R-O2: the main procedure is the one of highest difficulty and risk, 24号文
 * 第二十二条). Each candidate is regrouped with it moved to the front; the regrouping is the
 * finding's "if fixed". {@code only_valid=true} (default) considers operating-room procedures only,
 * which bounds the regroupings per record. Parameter: {@code only_valid}.
 */
final class ProcedureWouldChangeAdrgCheck implements Check {

    private final boolean onlyValid;

    ProcedureWouldChangeAdrgCheck(Params p) {
        this.onlyValid = p.choice("only_valid", "true", "false").equals("true");
    }

    @Override
    public String skipReason(Scheme scheme) {
        return onlyValid && scheme.validProcedures().isEmpty()
                ? "scheme " + scheme.info().id() + " lists no valid (operating-room) procedures" : null;
    }

    @Override
    public void run(CheckContext ctx, Hits hits) {
        List<String> procs = ctx.inpatientCase().procedures();
        if (procs.size() < 2 || ctx.before().status() == GroupingStatus.INVALID) {
            return;
        }
        String adrg = ctx.before().adrg();
        Set<String> tried = new HashSet<>();
        for (int i = 1; i < procs.size(); i++) {
            String code = procs.get(i);
            if (code.isEmpty() || code.equals(procs.get(0)) || !tried.add(code)
                    || (onlyValid && !ctx.isValidProcedure(i))) {
                continue;
            }
            InpatientCase moved = CaseEdits.moveToPrincipal(ctx.inpatientCase(), CodeList.PROCEDURES, i);
            GroupingResult after = ctx.group(moved);
            if (after.status() == GroupingStatus.OK && !after.adrg().equals(adrg)) {
                hits.add("procedures[" + i + "].code", code, after.adrg(), new SuggestedFix(
                        "将第 " + (i + 1) + " 手术操作 '" + code + "' 选为主手术",
                        "make procedures[" + i + "] '" + code + "' the principal procedure", moved));
            }
        }
    }
}
