package org.openhqd.platform.drg.analytics;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The page's chart data as JSON arrays for data attributes (no inline script under the CSP): the
 * monthly CMI and profit/loss trend (every month of the period; months without cases are null and
 * leave a gap), CMI and consumption indices per department (or doctor, DRG), and the classic DRG
 * quadrant: time against cost consumption index, one point per department sized by its cases.
 */
public record AnalyticsCharts(String months, String cmi, String profitLoss, String costIndex, String timeIndex,
                              String barLabels, String barCmi, String barCostIndex, String barTimeIndex, String points) {

    /** The bar chart and the quadrant show the rows with the most cases, at most this many. */
    static final int MAX_BARS = 30;

    public static AnalyticsCharts of(AnalyticsReport report, List<AnalyticsRow> chartRows) {
        Map<String, AnalyticsRow> byMonth = new HashMap<>();
        for (AnalyticsRow r : report.trend()) {
            byMonth.put(r.month(), r);
        }
        List<String> months = new ArrayList<>();
        for (YearMonth m = YearMonth.parse(report.from()); !m.isAfter(YearMonth.parse(report.to())); m = m.plusMonths(1)) {
            months.add(m.toString());
        }
        List<AnalyticsRow> bars = chartRows.stream().filter(r -> r.indicators().cmi().value() != null)
                .sorted(Comparator.comparingLong((AnalyticsRow r) -> r.sums().cases()).reversed()).limit(MAX_BARS).toList();
        boolean manyInstitutions = chartRows.stream().map(AnalyticsRow::institutionId).distinct().count() > 1;
        List<String> labels = bars.stream().map(r -> label(r, manyInstitutions)).toList();
        StringBuilder points = new StringBuilder("[");
        for (int i = 0; i < bars.size(); i++) {
            Indicators x = bars.get(i).indicators();
            if (x.timeIndex().value() == null || x.costIndex().value() == null) {
                continue;
            }
            points.append(points.length() > 1 ? "," : "").append('[').append(x.timeIndex().value()).append(',')
                    .append(x.costIndex().value()).append(',').append(bars.get(i).sums().cases()).append(',')
                    .append(string(labels.get(i))).append(']');
        }
        return new AnalyticsCharts(strings(months),
                monthly(months, byMonth, r -> r.indicators().cmi().value()),
                monthly(months, byMonth, r -> r.indicators().profitLoss().doubleValue()),
                monthly(months, byMonth, r -> r.indicators().costIndex().value()),
                monthly(months, byMonth, r -> r.indicators().timeIndex().value()),
                strings(labels), numbers(bars, r -> r.indicators().cmi().value()),
                numbers(bars, r -> r.indicators().costIndex().value()), numbers(bars, r -> r.indicators().timeIndex().value()),
                points.append(']').toString());
    }

    /** A row's name in a chart: its department, doctor or DRG (with the institution when several are shown). */
    static String label(AnalyticsRow r, boolean withInstitution) {
        String own = r.drg() != null ? r.drg() : r.doctor() != null ? r.department() + " · " + r.doctor()
                : r.department() != null ? r.department() : r.institution();
        return withInstitution && r.institution() != null && r.department() != null ? r.institution() + " · " + own : own;
    }

    private static String monthly(List<String> months, Map<String, AnalyticsRow> byMonth, Function<AnalyticsRow, Double> value) {
        StringBuilder b = new StringBuilder("[");
        for (String m : months) {
            AnalyticsRow r = byMonth.get(m);
            Double v = r == null ? null : value.apply(r);
            b.append(b.length() > 1 ? "," : "").append(v == null ? "null" : String.valueOf(v));
        }
        return b.append(']').toString();
    }

    private static String numbers(List<AnalyticsRow> rows, Function<AnalyticsRow, Double> value) {
        StringBuilder b = new StringBuilder("[");
        for (AnalyticsRow r : rows) {
            Double v = value.apply(r);
            b.append(b.length() > 1 ? "," : "").append(v == null ? "null" : String.valueOf(v));
        }
        return b.append(']').toString();
    }

    private static String strings(List<String> values) {
        StringBuilder b = new StringBuilder("[");
        for (String v : values) {
            b.append(b.length() > 1 ? "," : "").append(string(v));
        }
        return b.append(']').toString();
    }

    /** A JSON string literal (the attribute itself is escaped by Thymeleaf). */
    static String string(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (char c : (s == null ? "" : s).toCharArray()) {
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        b.append(String.format("\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.append('"').toString();
    }
}
