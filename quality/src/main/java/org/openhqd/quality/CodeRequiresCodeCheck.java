package org.openhqd.quality;

import java.util.List;

/**
 * CODE_REQUIRES_CODE — a code that only makes sense with another (R-O4, R-S2): a caesarean section
 * needs a pregnancy diagnosis, Z37 (outcome of delivery) needs a delivery code, an appendectomy
 * needs appendix disease. Parameters: {@code list}, {@code codes}, and at least one of {@code
 * requires_diagnoses}, {@code requires_procedures} (either satisfies).
 */
final class CodeRequiresCodeCheck implements Check {

    private final CodeList list;
    private final CodeRanges codes;
    private final CodeRanges requiresDiagnoses;
    private final CodeRanges requiresProcedures;

    CodeRequiresCodeCheck(Params p) {
        this.list = p.list("list");
        this.codes = p.codes("codes");
        this.requiresDiagnoses = p.codesOrNull("requires_diagnoses");
        this.requiresProcedures = p.codesOrNull("requires_procedures");
        if (requiresDiagnoses == null && requiresProcedures == null) {
            throw new IllegalArgumentException("give 'requires_diagnoses' or 'requires_procedures'");
        }
    }

    @Override
    public void run(CheckContext ctx, Hits hits) {
        List<String> all = list.codes(ctx);
        for (int i = 0; i < all.size(); i++) {
            if (codes.contains(all.get(i)) && !satisfied(ctx.record)) {
                hits.add(list.label(i), all.get(i), (requiresDiagnoses == null ? "" : requiresDiagnoses.toString())
                        + (requiresDiagnoses != null && requiresProcedures != null ? " / " : "")
                        + (requiresProcedures == null ? "" : requiresProcedures.toString()));
            }
        }
    }

    private boolean satisfied(DischargeRecord r) {
        return (requiresDiagnoses != null && r.diagnoses().stream().anyMatch(d -> requiresDiagnoses.contains(d.code())))
                || (requiresProcedures != null && r.procedures().stream().anyMatch(p -> requiresProcedures.contains(p.code())));
    }
}
