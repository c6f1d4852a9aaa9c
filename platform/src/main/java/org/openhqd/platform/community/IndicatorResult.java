package org.openhqd.platform.community;

import java.util.List;

/**
 * One county indicator for a year: the year's value, last year's (for the growth), and the months.
 *
 * @param growthPct (this year − last year) ÷ last year × 100, when both are known
 */
public record IndicatorResult(String id, String nameZh, String unit, String platform, IndicatorValue year,
                              IndicatorValue previousYear, Double growthPct, List<IndicatorValue> monthly) {
}
