package org.openhqd.quality;

import java.util.List;

/**
 * COST_BREAKDOWN_SUM — the total equals the sum of its categories within a tolerance (R-C1: 0.01).
 * Empty categories count 0; when the total or a category is not a number the sum is not checked
 * (a PATTERN rule reports it). Parameters: {@code total}, {@code parts} (comma-separated fields),
 * {@code tolerance}.
 */
final class CostBreakdownSumCheck implements Check {

    private final FieldPath total;
    private final List<FieldPath> parts;
    private final double tolerance;

    CostBreakdownSumCheck(Params p) {
        this.total = p.field("total");
        this.parts = p.values("parts").stream().sorted().map(FieldPath::parse).toList();
        this.tolerance = p.number("tolerance", 0.01);
        if (total.isList() || parts.stream().anyMatch(FieldPath::isList)) {
            throw new IllegalArgumentException("total and parts must be single-valued fields");
        }
    }

    @Override
    public void run(CheckContext ctx, Hits hits) {
        String totalText = value(ctx.record, total);
        double t = Numbers.decimal(totalText);
        if (Numbers.isNone(t)) {
            return;
        }
        double sum = 0;
        for (FieldPath part : parts) {
            String text = value(ctx.record, part);
            if (Text.blank(text)) {
                continue;
            }
            double v = Numbers.decimal(text);
            if (Numbers.isNone(v)) {
                return;
            }
            sum += v;
        }
        // compare in cents: money is decimal, doubles are not
        if (Math.abs(Math.round(t * 100) - Math.round(sum * 100)) > Math.round(tolerance * 100)) {
            hits.add(total.toString(), totalText, String.format(java.util.Locale.ROOT, "%.2f", sum));
        }
    }

    static String value(DischargeRecord r, FieldPath path) {
        String[] v = {""};
        path.forEach(r, (index, value) -> v[0] = value);
        return v[0];
    }
}
