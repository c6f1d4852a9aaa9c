package org.openhqd.platform.community;

/**
 * A value of a county indicator for one period with its numerator and denominator.
 *
 * @param period {@code YYYY} or {@code YYYY-MM}
 * @param value rounded to two decimals; null unless the status is OK or IMPORTED
 * @param status OK, NO_DATA (nothing to count), IMPORTED (an imported figure), NEEDS_IMPORT,
 *     PENDING_REFERRAL_MODULE or QUALITATIVE
 * @param source where an imported figure comes from
 */
public record IndicatorValue(String period, Double numerator, Double denominator, Double value, String status, String source) {

    static IndicatorValue ratio(String period, double numerator, double denominator, double scale) {
        if (denominator <= 0) {
            return new IndicatorValue(period, round(numerator), denominator, null, "NO_DATA", null);
        }
        return new IndicatorValue(period, round(numerator), round(denominator), round(scale * numerator / denominator), "OK", null);
    }

    static IndicatorValue status(String period, String status) {
        return new IndicatorValue(period, null, null, null, status, null);
    }

    static double round(double v) {
        return Math.round(v * 100) / 100.0;
    }
}
