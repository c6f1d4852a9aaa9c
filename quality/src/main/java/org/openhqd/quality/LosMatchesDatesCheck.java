package org.openhqd.quality;

import java.time.temporal.ChronoUnit;

/**
 * LOS_MATCHES_DATES — 实际住院天数 equals the calendar days from admission to discharge (卫医政发
 * 〔2011〕84号: 12 June → 15 June is 3 days; {@code same_day} is what a same-day stay counts, 0 there,
 * 1 in regions that count it as one day). Parameters: {@code tolerance} (days, default 0), {@code
 * same_day} (default 0).
 */
final class LosMatchesDatesCheck implements Check {

    private final double tolerance;
    private final double sameDay;

    LosMatchesDatesCheck(Params p) {
        this.tolerance = p.number("tolerance", 0);
        this.sameDay = p.number("same_day", 0);
    }

    @Override
    public void run(CheckContext ctx, Hits hits) {
        DischargeRecord r = ctx.record;
        double los = Numbers.decimal(r.los());
        Moments.Moment in = ctx.moment(r.admissionTime());
        Moments.Moment out = ctx.moment(r.dischargeTime());
        if (Numbers.isNone(los) || in == null || out == null || out.compareTo(in) < 0) {
            return;
        }
        long days = ChronoUnit.DAYS.between(in.time().toLocalDate(), out.time().toLocalDate());
        double expected = days == 0 ? sameDay : days;
        if (Math.abs(los - expected) > tolerance) {
            hits.add("los", r.los(), Numbers.show(expected));
        }
    }
}
