package org.openhqd.platform.drg.analytics;

/**
 * An indicator as numerator, denominator and value (numerator ÷ denominator × scale, rounded to
 * four decimals), so that it can be re-aggregated; the value is null when the denominator is zero.
 */
public record Ratio(double numerator, double denominator, Double value) {

    static Ratio of(double numerator, double denominator) {
        return scaled(numerator, denominator, 1);
    }

    static Ratio percent(double numerator, double denominator) {
        return scaled(numerator, denominator, 100);
    }

    private static Ratio scaled(double numerator, double denominator, double scale) {
        Double v = denominator == 0 ? null : Math.round(numerator / denominator * scale * 10_000.0) / 10_000.0;
        return new Ratio(numerator, denominator, v);
    }
}
