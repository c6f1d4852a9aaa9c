package org.openhqd.platform.referral;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Adds up the events of referrals into one cell's {@link ReferralFigures}. */
final class ReferralTally {

    private static final double SECONDS_PER_HOUR = 3600.0;
    private static final double SECONDS_PER_DAY = 86400.0;

    private final long[] submitted = new long[2];
    private final long[] accepted = new long[2];
    private final long[] rejected = new long[2];
    private final long[] expired = new long[2];
    private final long[] arrived = new long[2];
    private final List<Double> acceptanceHours = new ArrayList<>();
    private final List<Double> arrivalDays = new ArrayList<>();

    void submitted(ReferralFact f) {
        submitted[f.direction().ordinal()]++;
    }

    /** A decision; its time counts unless the referral was entered after the fact (it had no real wait). */
    void decided(ReferralFact f) {
        (f.rejected() ? rejected : accepted)[f.direction().ordinal()]++;
        if (!f.retroEntered() && f.submittedAt() != null) {
            acceptanceHours.add(Duration.between(f.submittedAt(), f.decidedAt()).toSeconds() / SECONDS_PER_HOUR);
        }
    }

    void expired(ReferralFact f) {
        expired[f.direction().ordinal()]++;
    }

    /** An arrival; counted whatever the entry, its time only when it followed an acceptance in the workflow. */
    void arrived(ReferralFact f) {
        arrived[f.direction().ordinal()]++;
        if (!f.retroEntered() && f.decidedAt() != null) {
            arrivalDays.add(Duration.between(f.decidedAt(), f.arrivedAt()).toSeconds() / SECONDS_PER_DAY);
        }
    }

    long arrivedUp() {
        return arrived[Direction.UP.ordinal()];
    }

    long arrivedDown() {
        return arrived[Direction.DOWN.ordinal()];
    }

    ReferralFigures figures() {
        long acceptedAll = accepted[0] + accepted[1];
        long outcomes = acceptedAll + rejected[0] + rejected[1] + expired[0] + expired[1];
        return new ReferralFigures(counts(submitted), counts(accepted), counts(rejected), counts(expired), counts(arrived),
                ReferralFigures.Rate.of(acceptedAll, outcomes), durations(acceptanceHours), durations(arrivalDays));
    }

    private static ReferralFigures.Counts counts(long[] c) {
        return ReferralFigures.Counts.of(c[Direction.UP.ordinal()], c[Direction.DOWN.ordinal()]);
    }

    private static ReferralFigures.Durations durations(List<Double> values) {
        Double median = Percentiles.of(values, 0.5);
        Double p90 = Percentiles.of(values, 0.9);
        return new ReferralFigures.Durations(values.size(), median == null ? null : ReferralFigures.round(median, 2),
                p90 == null ? null : ReferralFigures.round(p90, 2));
    }
}
