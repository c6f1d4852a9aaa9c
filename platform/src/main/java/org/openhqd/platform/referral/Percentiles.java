package org.openhqd.platform.referral;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Percentiles of durations, computed in Java rather than in SQL: H2 has no {@code percentile_cont}
 * with the PostgreSQL meaning, and one definition must give the same figure on both databases. The
 * definition is PostgreSQL's {@code percentile_cont}: linear interpolation between the two closest
 * ranks, so the median of an even count is the mean of the middle two.
 */
final class Percentiles {

    private Percentiles() {
    }

    /** The {@code p}-th percentile (0 ≤ p ≤ 1) of the values, or null when there are none. */
    static Double of(List<Double> values, double p) {
        if (values.isEmpty()) {
            return null;
        }
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        double rank = (sorted.size() - 1) * p;
        int below = (int) Math.floor(rank);
        int above = Math.min(below + 1, sorted.size() - 1);
        return sorted.get(below) + (rank - below) * (sorted.get(above) - sorted.get(below));
    }
}
