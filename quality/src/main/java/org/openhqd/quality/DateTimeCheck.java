package org.openhqd.quality;

/**
 * DATETIME — a filled field is a real date-time: {@code precision=minute} requires
 * {@code yyyy-MM-dd HH:mm} (admission and discharge, 24号文 第八条), {@code precision=day} accepts a
 * bare date. Parameters: {@code field}, {@code precision}.
 */
final class DateTimeCheck implements Check {

    private final FieldPath field;
    private final boolean minute;

    DateTimeCheck(Params p) {
        this.field = p.field("field");
        this.minute = p.choice("precision", "minute", "day").equals("minute");
    }

    @Override
    public void run(CheckContext ctx, Hits hits) {
        field.forEach(ctx.record, (index, value) -> {
            if (Text.blank(value)) {
                return;
            }
            Moments.Moment m = ctx.moment(value);
            if (m == null || (minute && !m.hasTime())) {
                hits.add(field.label(index), value, minute ? "yyyy-MM-dd HH:mm" : "yyyy-MM-dd");
            }
        });
    }
}
