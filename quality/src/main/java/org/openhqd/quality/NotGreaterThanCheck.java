package org.openhqd.quality;

/**
 * NOT_GREATER_THAN — a numeric field does not exceed another (fund payment ≤ total cost, R-C2).
 * Parameters: {@code field}, {@code limit} (both single-valued).
 */
final class NotGreaterThanCheck implements Check {

    private final FieldPath field;
    private final FieldPath limit;

    NotGreaterThanCheck(Params p) {
        this.field = p.field("field");
        this.limit = p.field("limit");
        if (field.isList() || limit.isList()) {
            throw new IllegalArgumentException("field and limit must be single-valued fields");
        }
    }

    @Override
    public void run(CheckContext ctx, Hits hits) {
        String text = CostBreakdownSumCheck.value(ctx.record, field);
        String limitText = CostBreakdownSumCheck.value(ctx.record, limit);
        double v = Numbers.decimal(text);
        double l = Numbers.decimal(limitText);
        if (!Numbers.isNone(v) && !Numbers.isNone(l) && Math.round(v * 100) > Math.round(l * 100)) {
            hits.add(field.toString(), text, limitText);
        }
    }
}
