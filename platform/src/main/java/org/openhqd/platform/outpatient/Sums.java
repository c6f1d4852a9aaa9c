package org.openhqd.platform.outpatient;

import java.util.EnumMap;
import java.util.Map;
import org.openhqd.platform.appointments.Channel;
import org.openhqd.platform.appointments.ClinicTally;

/**
 * Numerators and denominators of one table cell (a level's row, over the range or one month),
 * added up from clinic tallies and imported visit totals. Ratios are taken only at the end, so a
 * department's rate is Σ numerators ÷ Σ denominators, never an average of its doctors' rates.
 */
final class Sums {

    private long appointedWithTotals;
    private long appointedWithoutTotals;
    private long visits;
    private int visitDays;
    private long waited;
    private double waitSeconds;
    private long noShows;
    private long due;
    private final Map<Channel, long[]> pools = new EnumMap<>(Channel.class);

    /** Adds a tally; {@code hasTotals} says whether its department-month has imported visit totals. */
    void add(ClinicTally t, boolean hasTotals) {
        if (hasTotals) {
            appointedWithTotals += t.appointed();
        } else {
            appointedWithoutTotals += t.appointed();
        }
        waited += t.waited();
        waitSeconds += t.waitSeconds();
        noShows += t.noShows();
        due += t.due();
        long[] pool = pools.computeIfAbsent(t.channel(), c -> new long[2]);
        pool[0] += t.booked();
        pool[1] += t.released();
    }

    /** Adds one department-month's imported visit total (once per department-month, never per doctor or channel). */
    void addVisits(long total, int days) {
        visits += total;
        visitDays += days;
    }

    /** OP01/OP03: appointed visits ÷ imported total visits, over the department-months that have totals. */
    IndicatorValue appointmentRate(Level level) {
        long appointed = appointedWithTotals + appointedWithoutTotals;
        if (level == Level.DOCTOR) {
            return IndicatorValue.missing(appointed, IndicatorValue.Status.NOT_AT_DOCTOR_LEVEL);
        }
        if (visitDays == 0) {
            return appointedWithoutTotals > 0
                    ? IndicatorValue.missing(appointed, IndicatorValue.Status.NEEDS_VISIT_TOTALS)
                    : IndicatorValue.ratio(0, 0, 100, IndicatorValue.Status.NO_DATA);
        }
        return IndicatorValue.ratio(appointedWithTotals, visits, 100,
                appointedWithoutTotals > 0 ? IndicatorValue.Status.PARTIAL_VISIT_TOTALS : IndicatorValue.Status.OK);
    }

    /** OP02: Σ waiting minutes ÷ appointed visits with a check-in. */
    IndicatorValue meanWaitMinutes() {
        return IndicatorValue.ratio(waitSeconds / 60.0, waited, 1, IndicatorValue.Status.OK);
    }

    /** 爽约率: no-shows ÷ appointments due (hospital cancellations are in neither). */
    IndicatorValue noShowRate() {
        return IndicatorValue.ratio(noShows, due, 100, IndicatorValue.Status.OK);
    }

    /** 号源使用率 per channel: booked and not cancelled ÷ released. */
    Map<Channel, IndicatorValue> poolUtilisation() {
        Map<Channel, IndicatorValue> out = new EnumMap<>(Channel.class);
        pools.forEach((channel, p) -> out.put(channel, IndicatorValue.ratio(p[0], p[1], 100, IndicatorValue.Status.OK)));
        return out;
    }

    long visits() {
        return visits;
    }

    int visitDays() {
        return visitDays;
    }
}
