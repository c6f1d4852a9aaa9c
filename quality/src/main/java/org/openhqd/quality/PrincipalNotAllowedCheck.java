package org.openhqd.quality;

import java.util.List;

/**
 * PRINCIPAL_NOT_ALLOWED — a code that may not be the principal diagnosis (R-P5): external causes
 * V01–Y98, Z codes other than defined admission reasons, a region's "not-as-principal" list. The
 * suggested fix moves the first secondary that is allowed to principal. Parameters: {@code codes},
 * {@code except} (optional codes within {@code codes} that are allowed).
 */
final class PrincipalNotAllowedCheck implements Check {

    private final CodeRanges codes;
    private final CodeRanges except;

    PrincipalNotAllowedCheck(Params p) {
        this.codes = p.codes("codes");
        this.except = p.codesOrNull("except");
    }

    private boolean forbidden(String code) {
        return codes.contains(code) && (except == null || !except.contains(code));
    }

    @Override
    public void run(CheckContext ctx, Hits hits) {
        List<String> dx = CodeList.DIAGNOSES.codes(ctx);
        if (dx.isEmpty() || !forbidden(dx.get(0))) {
            return;
        }
        SuggestedFix fix = null;
        for (int i = 1; i < dx.size() && fix == null; i++) {
            if (!Text.blank(dx.get(i)) && !forbidden(dx.get(i))) {
                fix = PrincipalFixes.moveToPrincipal(ctx, i);
            }
        }
        hits.add("diagnoses[0].code", dx.get(0), "", fix);
    }
}
