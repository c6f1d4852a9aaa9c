package org.openhqd.quality;

/**
 * NEWBORN_FIELDS — a newborn field (出生体重, 入院体重) is filled for a newborn: age 0 years and at most
 * {@code days_max} days, read as the grouper reads them (an empty age counts 0, so the grouper's
 * "newborn without birth weight" invalidity is caught here first), or for a maternity record that
 * carries one of {@code codes} (R-S3). Parameters: {@code field}, {@code days_max} (default 28),
 * {@code codes} (optional).
 */
final class NewbornFieldsCheck implements Check {

    private final FieldPath field;
    private final double daysMax;
    private final CodeRanges maternity;

    NewbornFieldsCheck(Params p) {
        this.field = p.field("field");
        this.daysMax = p.number("days_max", 28);
        this.maternity = p.codesOrNull("codes");
        if (field.isList()) {
            throw new IllegalArgumentException("field must be single-valued");
        }
    }

    @Override
    public void run(CheckContext ctx, Hits hits) {
        DischargeRecord r = ctx.record;
        if (!newborn(r) && !maternity(r)) {
            return;
        }
        String value = CostBreakdownSumCheck.value(r, field);
        if (Text.blank(value)) {
            hits.add(field.toString(), value, "");
        }
    }

    private boolean newborn(DischargeRecord r) {
        double age = Text.blank(r.age()) ? 0 : Numbers.decimal(r.age());
        double days = Text.blank(r.ageDays()) ? 0 : Numbers.decimal(r.ageDays());
        return !Numbers.isNone(age) && !Numbers.isNone(days) && (long) age == 0 && days <= daysMax;
    }

    private boolean maternity(DischargeRecord r) {
        return maternity != null && r.diagnoses().stream().anyMatch(d -> maternity.contains(d.code()));
    }
}
