package org.openhqd.platform.drg.analytics;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.YearMonth;

/**
 * The links that make every figure traceable: a row's next drill-down level (console page and API)
 * and its cases on the case list page ({@code /drg/cases?institution=&department=&doctor=&drg=&from=&to=}).
 */
final class Links {

    static final String PAGE = "/drg/analytics";
    static final String API = "/api/v1/drg/analytics";
    static final String CASES = "/drg/cases";

    private Links() {
    }

    /** The filters a row fixes: the query's, plus the row's own key. */
    record Scope(YearMonth from, YearMonth to, Long institution, String department, String doctor, String drg) {

        static Scope of(AnalyticsQuery q, Long institution, String department, String doctor, String drg, String month) {
            YearMonth from = month == null ? q.from() : YearMonth.parse(month);
            YearMonth to = month == null ? q.to() : YearMonth.parse(month);
            return new Scope(from, to, institution != null ? institution : q.institution(),
                    department != null ? department : q.department(), doctor != null ? doctor : q.doctor(),
                    drg != null ? drg : q.drg());
        }

        /** The first drill-down level this scope leaves open, or null. */
        Dimension next() {
            if (institution == null) {
                return Dimension.INSTITUTION;
            }
            if (department == null) {
                return Dimension.DEPARTMENT;
            }
            if (doctor == null) {
                return Dimension.DOCTOR;
            }
            if (drg == null) {
                return Dimension.DRG;
            }
            return null;
        }
    }

    static AnalyticsRow.RowLinks of(Scope s) {
        Dimension next = s.next();
        return new AnalyticsRow.RowLinks(next == null ? null : next.word(), next == null ? null : url(PAGE, s, next),
                next == null ? null : url(API, s, next), url(CASES, s, null));
    }

    static String url(String path, Scope s, Dimension dimension) {
        StringBuilder b = new StringBuilder(path).append('?');
        if (dimension != null) {
            param(b, "dimension", dimension.word());
        }
        if (s.institution() != null) {
            param(b, "institution", s.institution().toString());
        }
        param(b, "department", s.department());
        param(b, "doctor", s.doctor());
        param(b, "drg", s.drg());
        param(b, "from", s.from().toString());
        param(b, "to", s.to().toString());
        return b.substring(0, b.length() - 1);
    }

    /** Appends {@code name=value&}, the value form-encoded (a + in a department name stays a +). */
    private static void param(StringBuilder b, String name, String value) {
        if (value != null) {
            b.append(name).append('=').append(URLEncoder.encode(value, StandardCharsets.UTF_8)).append('&');
        }
    }
}
