package org.openhqd.platform.outpatient;

/**
 * A computed indicator value with its numerator and denominator (kept so the value can be
 * checked and re-aggregated), and why it is missing when it is.
 *
 * @param value percent or minutes, rounded to two decimals; null unless the status is OK or PARTIAL_VISIT_TOTALS
 */
public record IndicatorValue(double numerator, double denominator, Double value, Status status) {

    public enum Status {
        /** computed from complete data */
        OK,
        /** no denominator: nothing to count in the period */
        NO_DATA,
        /** appointments exist but no visit totals were imported for them (需导入门诊人次) */
        NEEDS_VISIT_TOTALS,
        /** computed over the department-months with imported totals only; some lack them */
        PARTIAL_VISIT_TOTALS,
        /** visit totals are imported per department, so there is no per-doctor appointment rate */
        NOT_AT_DOCTOR_LEVEL
    }

    static IndicatorValue ratio(double numerator, double denominator, double scale, Status status) {
        if (denominator <= 0) {
            return new IndicatorValue(numerator, denominator, null, Status.NO_DATA);
        }
        return new IndicatorValue(round(numerator), denominator, round(scale * numerator / denominator), status);
    }

    static IndicatorValue missing(double numerator, Status status) {
        return new IndicatorValue(numerator, 0, null, status);
    }

    private static double round(double v) {
        return Math.round(v * 100) / 100.0;
    }
}
