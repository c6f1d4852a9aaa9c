package org.openhqd.quality;

/**
 * RANGE — a numeric field lies within bounds and, optionally, is a multiple of a step (newborn
 * weights to 10 g). Parameters: {@code field} and at least one of {@code min}, {@code max}, {@code
 * multiple_of}. Text that is not a number is left to a PATTERN rule.
 */
final class RangeCheck implements Check {

    private final FieldPath field;
    private final double min;
    private final double max;
    private final double multipleOf;

    RangeCheck(Params p) {
        this.field = p.field("field");
        this.min = p.number("min", Double.NEGATIVE_INFINITY);
        this.max = p.number("max", Double.POSITIVE_INFINITY);
        this.multipleOf = p.number("multiple_of", 0);
        if (!p.has("min") && !p.has("max") && !p.has("multiple_of")) {
            throw new IllegalArgumentException("give at least one of 'min', 'max', 'multiple_of'");
        }
        if (multipleOf < 0 || min > max) {
            throw new IllegalArgumentException("bounds must satisfy min <= max and multiple_of > 0");
        }
    }

    @Override
    public void run(CheckContext ctx, Hits hits) {
        field.forEach(ctx.record, (index, value) -> {
            double v = Numbers.decimal(value);
            if (Numbers.isNone(v)) {
                return;
            }
            if (v < min || v > max) {
                hits.add(field.label(index), value, "[" + (min == Double.NEGATIVE_INFINITY ? "" : Numbers.show(min)) + ", "
                        + (max == Double.POSITIVE_INFINITY ? "" : Numbers.show(max)) + "]");
            } else if (multipleOf > 0 && Math.abs(Math.IEEEremainder(v, multipleOf)) > 1e-9) {
                hits.add(field.label(index), value, Numbers.show(multipleOf));
            }
        });
    }
}
