package org.openhqd.quality;

/**
 * DATE_ORDER — one date-time is not after another: admission before discharge, procedures within
 * the stay. Compared to the minute, or by day when either side is a bare date. Values that do not
 * read are DATETIME's business. Parameters: {@code earlier}, {@code later} (either may select
 * lines, e.g. {@code procedures[*].date}); the finding points at the line-selecting side.
 */
final class DateOrderCheck implements Check {

    private final FieldPath earlier;
    private final FieldPath later;

    DateOrderCheck(Params p) {
        this.earlier = p.field("earlier");
        this.later = p.field("later");
    }

    @Override
    public void run(CheckContext ctx, Hits hits) {
        earlier.forEach(ctx.record, (eIndex, eValue) -> {
            Moments.Moment e = ctx.moment(eValue);
            if (e == null) {
                return;
            }
            later.forEach(ctx.record, (lIndex, lValue) -> {
                Moments.Moment l = ctx.moment(lValue);
                if (l != null && l.compareTo(e) < 0) {
                    boolean pointAtEarlier = earlier.isList() && !later.isList();
                    hits.add(pointAtEarlier ? earlier.label(eIndex) : later.label(lIndex), pointAtEarlier ? eValue : lValue,
                            pointAtEarlier ? lValue : eValue);
                }
            });
        });
    }
}
