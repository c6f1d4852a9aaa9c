package org.openhqd.platform.drg.analytics;

import java.time.Clock;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;
import java.util.List;
import org.openhqd.platform.security.DataScope;
import org.springframework.stereotype.Service;

/**
 * Computes analytics reports from the cube: the rows of a dimension with their figures and links,
 * the total and the monthly trend, always inside the caller's data scope.
 */
@Service
public class DrgAnalyticsReports {

    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    private final CubeQueries cube;
    private final AnalyticsDefinitions definitions;
    private final DrgNames names;
    private final Clock clock;

    DrgAnalyticsReports(CubeQueries cube, AnalyticsDefinitions definitions, DrgNames names, Clock clock) {
        this.cube = cube;
        this.definitions = definitions;
        this.names = names;
        this.clock = clock;
    }

    /** The report of a query in a scope (an institution outside the scope simply has no rows). */
    public AnalyticsReport report(DataScope scope, AnalyticsQuery q) {
        return report(scope, q, context(scope));
    }

    /** The report with the scope's institutions and coverage already read (the page reads them once). */
    AnalyticsReport report(DataScope scope, AnalyticsQuery q, Context context) {
        DrgNames.Lookup lookup = names.lookup();
        List<AnalyticsRow> rows = rows(scope, q, q.dimension(), lookup, context);
        List<AnalyticsRow> trend = q.dimension() == Dimension.MONTH ? rows : rows(scope, q, Dimension.MONTH, lookup, context);
        AnalyticsRow total = rows(scope, q, null, lookup, context).get(0);
        return new AnalyticsReport(definitions.version(), q.from().toString(), q.to().toString(), q.dimension().word(),
                q.institution(), q.department(), q.doctor(), q.drg(), rows, total, trend,
                q.institution() == null ? context.coverage().builtAt() : cube.coverage(scope, q.institution()).builtAt(),
                AnalyticsReport.NOTE);
    }

    /** What a page needs besides the report: the institutions in scope with cases and what the cube covers. */
    record Context(List<CubeQueries.Institution> institutions, CubeQueries.Coverage coverage) {

        Map<Long, String> names() {
            Map<Long, String> out = new HashMap<>();
            institutions.forEach(i -> out.put(i.id(), i.name()));
            return out;
        }
    }

    Context context(DataScope scope) {
        return new Context(cube.institutions(scope), cube.coverage(scope, null));
    }

    /**
     * The rows the department charts show: the report's own when they are departments, doctors or
     * DRGs, else the departments under the same filters.
     */
    List<AnalyticsRow> chartRows(DataScope scope, AnalyticsQuery q, AnalyticsReport report, Context context) {
        return switch (q.dimension()) {
            case DEPARTMENT, DOCTOR, DRG -> report.rows();
            default -> rows(scope, q, Dimension.DEPARTMENT, names.lookup(), context);
        };
    }

    /** The year a request without a period shows: the latest with cases in scope, else the current one. */
    public int defaultYear(DataScope scope, Long institution) {
        return year(cube.coverage(scope, institution));
    }

    int year(CubeQueries.Coverage c) {
        String last = c.lastMonth();
        return last == null ? YearMonth.now(clock.withZone(CHINA)).getYear() : Integer.parseInt(last.substring(0, 4));
    }

    /** The years with cases in scope, latest first (the current year when there are none). */
    List<Integer> years(CubeQueries.Coverage c) {
        List<Integer> out = new ArrayList<>();
        if (c.firstMonth() == null) {
            out.add(YearMonth.now(clock.withZone(CHINA)).getYear());
            return out;
        }
        for (int y = Integer.parseInt(c.lastMonth().substring(0, 4)); y >= Integer.parseInt(c.firstMonth().substring(0, 4)); y--) {
            out.add(y);
        }
        return out;
    }

    private List<AnalyticsRow> rows(DataScope scope, AnalyticsQuery q, Dimension dimension, DrgNames.Lookup lookup,
                                    Context context) {
        List<AnalyticsRow> out = new ArrayList<>();
        for (CubeQueries.Keyed k : cube.rows(scope, q, dimension, context.names())) {
            String drgName = k.drg() == null || AnalyticsQuery.UNGROUPED.equals(k.drg()) ? null : lookup.name(k.institutionId(), k.drg());
            Links.Scope s = Links.Scope.of(q, k.institutionId(), k.department(), k.doctor(), k.drg(), k.month());
            out.add(new AnalyticsRow(k.institutionId(), k.institution(), k.department(), k.doctor(), k.drg(), drgName,
                    k.status(), k.month(), k.sums(), Indicators.of(k.sums(), k.drgCount()), Links.of(s)));
        }
        return out;
    }
}
