package org.openhqd.platform.referral;

import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The monthly trend as JSON arrays for the page's data attributes (the chart script reads them; no
 * inline script under the CSP). Only month labels and numbers go in, never names.
 */
record ReferralDashboardChart(String months, String upArrived, String downArrived, String acceptanceRate, String acceptanceHours) {

    static ReferralDashboardChart of(ReferralDashboard d) {
        List<ReferralDashboard.Row> trend = d.trend();
        return new ReferralDashboardChart(
                trend.stream().map(r -> "\"" + r.month() + "\"").collect(Collectors.joining(",", "[", "]")),
                values(trend, f -> f.arrived().up()), values(trend, f -> f.arrived().down()),
                values(trend, f -> f.acceptanceRate().percent()), values(trend, f -> f.acceptanceHours().median()));
    }

    private static String values(List<ReferralDashboard.Row> rows, Function<ReferralFigures, Object> value) {
        return rows.stream().map(r -> value.apply(r.figures())).map(v -> v == null ? "null" : String.valueOf(v))
                .collect(Collectors.joining(",", "[", "]"));
    }
}
