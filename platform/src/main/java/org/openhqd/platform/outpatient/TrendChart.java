package org.openhqd.platform.outpatient;

import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The monthly trend as JSON arrays for the page's data attributes (the chart script reads them;
 * no inline script under the CSP). Only month labels and numbers go in, never names.
 */
record TrendChart(String months, String appointmentRate, String noShowRate, String meanWaitMinutes) {

    static TrendChart of(IndicatorReport report) {
        List<IndicatorRow> trend = report.trend();
        return new TrendChart(
                trend.stream().map(r -> "\"" + r.month() + "\"").collect(Collectors.joining(",", "[", "]")),
                values(trend, IndicatorRow::appointmentRate), values(trend, IndicatorRow::noShowRate),
                values(trend, IndicatorRow::meanWaitMinutes));
    }

    private static String values(List<IndicatorRow> rows, Function<IndicatorRow, IndicatorValue> value) {
        return rows.stream().map(r -> value.apply(r).value()).map(v -> v == null ? "null" : String.valueOf(v))
                .collect(Collectors.joining(",", "[", "]"));
    }
}
