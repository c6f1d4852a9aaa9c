package org.openhqd.quality;

import java.util.List;
import org.openhqd.casemix.drg.Scheme;

/**
 * CC_EXCLUDED_BY_PRINCIPAL — a secondary diagnosis on the scheme's MCC or CC table that the
 * principal's exclusion table cancels, so it does not raise the DRG (CHS-DRG README §4 step 3). The
 * coder should know the code does not count, and check the choice of principal. {@code fix=drop}
 * shows the group without the code (normally unchanged: the proof that it does not count); {@code
 * fix=swap} shows the group with it as principal. A secondary identical to the principal is a
 * duplicate, not reported here. Parameter: {@code fix}.
 */
final class CcExcludedByPrincipalCheck implements Check {

    private final boolean swap;

    CcExcludedByPrincipalCheck(Params p) {
        this.swap = p.choice("fix", "drop", "swap").equals("swap");
    }

    @Override
    public String skipReason(Scheme scheme) {
        return scheme.mccCodes().isEmpty() && scheme.ccCodes().isEmpty()
                ? "scheme " + scheme.info().id() + " has no MCC/CC tables" : null;
    }

    @Override
    public void run(CheckContext ctx, Hits hits) {
        List<String> dx = CodeList.DIAGNOSES.codes(ctx);
        if (dx.size() < 2) {
            return;
        }
        String principal = dx.get(0);
        for (int i = 1; i < dx.size(); i++) {
            String code = dx.get(i);
            if (code.equals(principal) || !ctx.scheme.complicationExcludedBy(principal, code)) {
                continue;
            }
            String kind = ctx.scheme.isMcc(code) ? "MCC" : "CC";
            SuggestedFix fix = swap
                    ? new SuggestedFix("将第 " + (i + 1) + " 诊断 '" + code + "' 与主要诊断 '" + principal + "' 对调",
                    "swap diagnoses[" + i + "] '" + code + "' with the principal '" + principal + "'",
                    CaseEdits.swapWithPrincipal(ctx.inpatientCase(), CodeList.DIAGNOSES, i))
                    : new SuggestedFix("删除被排除的" + kind + " '" + code + "'",
                    "drop the excluded " + kind + " '" + code + "'",
                    CaseEdits.remove(ctx.inpatientCase(), CodeList.DIAGNOSES, i));
            hits.add("diagnoses[" + i + "].code", code, kind, fix);
        }
    }
}
