package org.openhqd.quality;

/**
 * PRINCIPAL_NEEDS_SECONDARY — a principal diagnosis that may not stand alone, e.g. a complication
 * of care T80–T88, which needs an additional code describing the complication (R-P4; 医保办发
 * 〔2020〕20号 说明一 第8条). Parameter: {@code codes}.
 */
final class PrincipalNeedsSecondaryCheck implements Check {

    private final CodeRanges codes;

    PrincipalNeedsSecondaryCheck(Params p) {
        this.codes = p.codes("codes");
    }

    @Override
    public void run(CheckContext ctx, Hits hits) {
        var dx = ctx.record.diagnoses();
        if (dx.isEmpty() || !codes.contains(dx.get(0).code())) {
            return;
        }
        for (int i = 1; i < dx.size(); i++) {
            if (!Text.blank(dx.get(i).code())) {
                return;
            }
        }
        hits.add("diagnoses[0].code", dx.get(0).code(), "");
    }
}
