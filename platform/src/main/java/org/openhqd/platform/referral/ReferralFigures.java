package org.openhqd.platform.referral;

/**
 * The referral figures of one cell of the dashboard (an institution as sender or receiver, or the
 * whole scope; one month or the whole range). Each count falls in the month of its own event:
 * submitted by submission time, accepted and rejected by decision time, expired by closing time,
 * arrived by arrival time (definitions: {@code referral-dashboard.tsv}).
 *
 * @param arrived completed referrals (ARRIVED, or COMPLETED after it), emergency transfers entered
 *     after the fact included
 * @param acceptanceRate accepted ÷ (accepted + rejected + expired)
 * @param acceptanceHours submission → decision (accept or reject), in hours; no after-the-fact entries
 * @param arrivalDays acceptance → arrival, in days; no after-the-fact entries
 */
public record ReferralFigures(Counts submitted, Counts accepted, Counts rejected, Counts expired, Counts arrived,
                              Rate acceptanceRate, Durations acceptanceHours, Durations arrivalDays) {

    /** Upward (上转) and downward (下转) counts. */
    public record Counts(long up, long down, long total) {

        static Counts of(long up, long down) {
            return new Counts(up, down, up + down);
        }
    }

    /** A percentage with what it is made of; {@code percent} is null when the denominator is 0. */
    public record Rate(long numerator, long denominator, Double percent) {

        static Rate of(long numerator, long denominator) {
            return new Rate(numerator, denominator, denominator == 0 ? null : round(100.0 * numerator / denominator, 1));
        }
    }

    /** How many durations, their median and 90th percentile (null when there are none). */
    public record Durations(int n, Double median, Double p90) {
    }

    static double round(double v, int decimals) {
        double f = Math.pow(10, decimals);
        return Math.round(v * f) / f;
    }
}
