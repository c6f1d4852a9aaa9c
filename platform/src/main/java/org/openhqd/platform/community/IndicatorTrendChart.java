package org.openhqd.platform.community;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The monthly trend of the computed percentage indicators as JSON arrays for the page's data
 * attributes (no inline script under the CSP): month labels, series names (indicator ids) and values.
 */
record IndicatorTrendChart(String months, String series, String values) {

    private static final List<String> CHARTED = List.of("MC07", "MC08", "MC09", "MC11", "MC15");

    static IndicatorTrendChart of(CommunityIndicatorReport report) {
        List<IndicatorResult> charted = report.indicators().stream().filter(r -> CHARTED.contains(r.id())).toList();
        String months = charted.isEmpty() ? "[]" : charted.get(0).monthly().stream().map(v -> "\"" + v.period() + "\"")
                .collect(Collectors.joining(",", "[", "]"));
        String series = charted.stream().map(r -> "\"" + r.id() + " " + r.nameZh().replace("\"", "") + "\"")
                .collect(Collectors.joining(",", "[", "]"));
        String values = charted.stream().map(r -> r.monthly().stream().map(v -> v.value() == null ? "null" : String.valueOf(v.value()))
                .collect(Collectors.joining(",", "[", "]"))).collect(Collectors.joining(",", "[", "]"));
        return new IndicatorTrendChart(months, series, values);
    }
}
