package org.openhqd.quality;

import java.util.List;

/**
 * SYMPTOM_AS_PRINCIPAL — a symptom or sign (chapter XVIII, R00–R99) is the principal diagnosis
 * while a definitive diagnosis is among the secondaries (R-P3; 24号文 第十一条). Allowed when the
 * diagnosis is still unclear at discharge, hence a warning. The suggested fix moves the first
 * definitive secondary to principal. Parameters: {@code codes} (symptom codes), {@code
 * not_definitive} (secondaries that do not count as a definitive diagnosis, e.g. other symptoms,
 * external causes, Z codes).
 */
final class SymptomAsPrincipalCheck implements Check {

    private final CodeRanges codes;
    private final CodeRanges notDefinitive;

    SymptomAsPrincipalCheck(Params p) {
        this.codes = p.codes("codes");
        this.notDefinitive = p.codes("not_definitive");
    }

    @Override
    public void run(CheckContext ctx, Hits hits) {
        List<String> dx = CodeList.DIAGNOSES.codes(ctx);
        if (dx.isEmpty() || !codes.contains(dx.get(0))) {
            return;
        }
        for (int i = 1; i < dx.size(); i++) {
            String code = dx.get(i);
            if (!Text.blank(code) && !notDefinitive.contains(code) && !codes.contains(code)) {
                hits.add("diagnoses[0].code", dx.get(0), code, PrincipalFixes.moveToPrincipal(ctx, i));
                return;
            }
        }
    }
}
