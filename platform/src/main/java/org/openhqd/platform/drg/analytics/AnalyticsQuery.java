package org.openhqd.platform.drg.analytics;

import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;

/**
 * What an analytics report is asked for: discharge months {@code from}–{@code to} (inclusive), the
 * rows' dimension, and the drill-down filters fixed so far (institution, then department, doctor,
 * DRG). Text filters are the values as imported (出院科别, 主诊医师), matched exactly.
 *
 * @param drg a DRG code, or {@value #UNGROUPED} for the cases that were not grouped
 */
public record AnalyticsQuery(YearMonth from, YearMonth to, Dimension dimension, Long institution, String department,
                             String doctor, String drg) {

    /** The DRG filter value of the cases that entered no DRG (CHS-DRG writes 0000 for 未入组). */
    public static final String UNGROUPED = "0000";
    /** The longest period one report covers (five years of months). */
    static final int MAX_MONTHS = 60;

    public AnalyticsQuery {
        if (to.isBefore(from)) {
            throw new InvalidAnalyticsRequest("to", "结束月份早于开始月份 / 'to' is before 'from'");
        }
        if (ChronoUnit.MONTHS.between(from, to) + 1 > MAX_MONTHS) {
            throw new InvalidAnalyticsRequest("to", "时间范围最多 " + MAX_MONTHS + " 个月 / at most " + MAX_MONTHS + " months");
        }
    }

    /**
     * Reads request parameters. Without {@code year}: the month range {@code from}–{@code to}
     * (yyyy-MM; a missing end is the other end's year boundary), or {@code defaultYear} when both are
     * missing. With {@code year}: that calendar year, narrowed to {@code from}–{@code to} where they
     * fall inside it (months of another year are ignored, so choosing a year on the page never
     * fights the month fields left from the previous view).
     */
    public static AnalyticsQuery parse(Integer year, String from, String to, String dimension, Long institution,
                                       String department, String doctor, String drg, int defaultYear) {
        YearMonth start = blank(from) ? null : month("from", from);
        YearMonth end = blank(to) ? null : month("to", to);
        if (year != null || (start == null && end == null)) {
            int y = year == null ? defaultYear : year;
            if (y < 1900 || y > 2200) {
                throw new InvalidAnalyticsRequest("year", "年份应在 1900–2200 之间 / year must be between 1900 and 2200");
            }
            start = start != null && start.getYear() == y ? start : YearMonth.of(y, 1);
            end = end != null && end.getYear() == y ? end : YearMonth.of(y, 12);
        } else {
            start = start == null ? YearMonth.of(end.getYear(), 1) : start;
            end = end == null ? YearMonth.of(start.getYear(), 12) : end;
        }
        return new AnalyticsQuery(start, end, Dimension.parse(dimension, Dimension.INSTITUTION), institution,
                text("department", department, 64), text("doctor", doctor, 64), drgCode(drg));
    }

    /** The same filters with other rows. */
    public AnalyticsQuery with(Dimension d) {
        return new AnalyticsQuery(from, to, d, institution, department, doctor, drg);
    }

    /** Whether a drill-down level is fixed by the filters. */
    boolean fixes(Dimension d) {
        return switch (d) {
            case INSTITUTION -> institution != null;
            case DEPARTMENT -> department != null;
            case DOCTOR -> doctor != null;
            case DRG -> drg != null;
            case MONTH -> from.equals(to);
        };
    }

    /** Whether the period is one calendar year, January to December. */
    public boolean wholeYear() {
        return from.getYear() == to.getYear() && from.getMonthValue() == 1 && to.getMonthValue() == 12;
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static YearMonth month(String field, String value) {
        try {
            return YearMonth.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidAnalyticsRequest(field, field + " 应为 yyyy-MM 格式的月份 / " + field + " must be a month yyyy-MM");
        }
    }

    private static String text(String field, String value, int max) {
        if (blank(value)) {
            return null;
        }
        String v = value.strip();
        if (v.length() > max) {
            throw new InvalidAnalyticsRequest(field, field + " 最长 " + max + " 个字符 / " + field + " is at most " + max + " characters");
        }
        return v;
    }

    private static String drgCode(String value) {
        if (blank(value)) {
            return null;
        }
        String v = value.strip().toUpperCase(java.util.Locale.ROOT);
        if (!v.matches("[A-Z0-9]{1,8}")) {
            throw new InvalidAnalyticsRequest("drg", "DRG 编码应为 1–8 位字母或数字（未入组为 0000） / "
                    + "drg must be 1–8 letters or digits (0000 for ungrouped cases)");
        }
        return v;
    }
}
