package org.openhqd.platform.drg.payment;

import java.util.Arrays;

/**
 * The range of ln(cost) a case must fall in to count in its DRG's averages (剔除极端值). Costs are
 * right-skewed, so the rule works on their logarithm. A sample smaller than the minimum case count
 * is not trimmed: its quartiles and deviation say nothing.
 */
record TrimBounds(double low, double high) {

    static final TrimBounds NONE = new TrimBounds(Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY);

    boolean keeps(double logCost) {
        return logCost >= low && logCost <= high;
    }

    /** The bounds for the log costs {@code x[0..n)} (the array is not changed). */
    static TrimBounds of(double[] x, int n, WeightParameters p) {
        if (n < Math.max(p.minCases(), 2) || p.trimming() == WeightParameters.Trimming.NONE) {
            return NONE;
        }
        if (p.trimming() == WeightParameters.Trimming.IQR) {
            double[] sorted = Arrays.copyOf(x, n);
            Arrays.sort(sorted);
            double q1 = quantile(sorted, 0.25);
            double q3 = quantile(sorted, 0.75);
            double iqr = q3 - q1;
            return new TrimBounds(q1 - p.iqrK() * iqr, q3 + p.iqrK() * iqr);
        }
        double mean = 0;
        for (int i = 0; i < n; i++) {
            mean += x[i];
        }
        mean /= n;
        double ss = 0;
        for (int i = 0; i < n; i++) {
            ss += (x[i] - mean) * (x[i] - mean);
        }
        double sd = Math.sqrt(ss / (n - 1));
        return new TrimBounds(mean - p.sdK() * sd, mean + p.sdK() * sd);
    }

    /**
     * The p-quantile of sorted values by linear interpolation between order statistics (the
     * default of R, NumPy and Excel's QUARTILE.INC): h = (n − 1)·p.
     */
    static double quantile(double[] sorted, double p) {
        double h = (sorted.length - 1) * p;
        int lo = (int) Math.floor(h);
        int hi = Math.min(lo + 1, sorted.length - 1);
        return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
    }
}
