package org.openhqd.quality;

/** Fixes shared by the principal-diagnosis rules. */
final class PrincipalFixes {

    private PrincipalFixes() {
    }

    static SuggestedFix moveToPrincipal(CheckContext ctx, int index) {
        String code = ctx.record.diagnoses().get(index).code();
        return new SuggestedFix("将第 " + (index + 1) + " 诊断 '" + code + "' 选为主要诊断",
                "make diagnoses[" + index + "] '" + code + "' the principal diagnosis",
                CaseEdits.moveToPrincipal(ctx.inpatientCase(), CodeList.DIAGNOSES, index));
    }
}
