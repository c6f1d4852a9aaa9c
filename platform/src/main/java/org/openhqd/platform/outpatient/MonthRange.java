package org.openhqd.platform.outpatient;

import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.openhqd.platform.appointments.AppointmentStatistics;

/**
 * Calendar months {@code from}–{@code to} (inclusive) as hospitals report them: in Beijing time, so
 * a visit at 23:30 on the last day of a month belongs to that month whatever time zone the server
 * or the database runs in.
 */
public record MonthRange(YearMonth from, YearMonth to) {

    public static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    public MonthRange {
        if (to.isBefore(from)) {
            throw new InvalidRequestException("to", "结束月份早于开始月份 / 'to' is before 'from'");
        }
        if (months(from, to) > AppointmentStatistics.MAX_PERIODS) {
            throw new InvalidRequestException("to", "时间范围最多 " + AppointmentStatistics.MAX_PERIODS + " 个月 / at most "
                    + AppointmentStatistics.MAX_PERIODS + " months");
        }
    }

    /** Parses {@code YYYY-MM} parameters; a missing {@code to} is the current month, a missing {@code from} five months before it. */
    public static MonthRange parse(String from, String to, java.time.Clock clock) {
        YearMonth end = blank(to) ? YearMonth.now(clock.withZone(CHINA)) : month("to", to);
        YearMonth start = blank(from) ? end.minusMonths(5) : month("from", from);
        return new MonthRange(start, end);
    }

    public int size() {
        return months(from, to);
    }

    public YearMonth month(int index) {
        return from.plusMonths(index);
    }

    public List<YearMonth> months() {
        List<YearMonth> out = new ArrayList<>();
        for (int i = 0; i < size(); i++) {
            out.add(month(i));
        }
        return out;
    }

    /** The start of every month in Beijing time, followed by the end of the last. */
    public List<Instant> boundaries() {
        List<Instant> out = new ArrayList<>();
        for (int i = 0; i <= size(); i++) {
            out.add(from.plusMonths(i).atDay(1).atStartOfDay(CHINA).toInstant());
        }
        return out;
    }

    /** The month's index in the range, or -1 outside it. */
    public int indexOf(YearMonth m) {
        return m.isBefore(from) || m.isAfter(to) ? -1 : months(from, m) - 1;
    }

    private static int months(YearMonth a, YearMonth b) {
        return (int) (java.time.temporal.ChronoUnit.MONTHS.between(a, b) + 1);
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static YearMonth month(String field, String value) {
        try {
            return YearMonth.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidRequestException(field, field + " 应为 YYYY-MM 格式的月份 / " + field + " must be a month YYYY-MM");
        }
    }
}
