package org.openhqd.platform.outpatient;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import org.openhqd.platform.appointments.AppointmentStatistics;
import org.openhqd.platform.appointments.Channel;
import org.openhqd.platform.appointments.ClinicTally;
import org.openhqd.platform.organization.Department;
import org.openhqd.platform.organization.Institution;
import org.openhqd.platform.organization.Organizations;
import org.openhqd.platform.security.DataScope;
import org.springframework.stereotype.Service;

/**
 * Computes the outpatient indicators of a month range for the caller's scope: every row is made
 * of summed numerators and denominators (see {@link Sums}), at the institution, department or
 * doctor level, over the whole range and per month. Names come from the organisation module, so
 * only institutions and departments inside the scope are ever named.
 */
@Service
public class OutpatientIndicators {

    /** Which clinic a row is about, and in which month (-1: the whole range). */
    private record Key(long institutionId, long departmentId, long doctorId, int period) {
    }

    private static final long ALL = -1;
    private static final long NO_DOCTOR = 0;

    private final AppointmentStatistics statistics;
    private final VisitCounts visitCounts;
    private final Organizations organizations;
    private final IndicatorDefinitions definitions;

    OutpatientIndicators(AppointmentStatistics statistics, VisitCounts visitCounts, Organizations organizations,
                         IndicatorDefinitions definitions) {
        this.statistics = statistics;
        this.visitCounts = visitCounts;
        this.organizations = organizations;
        this.definitions = definitions;
    }

    /**
     * The report; an institution or department filter outside the scope answers 404 (as if it did
     * not exist), so a filter can never be used to probe another institution.
     */
    public IndicatorReport report(DataScope scope, MonthRange range, Level level, Long institutionId, Long departmentId) {
        Map<Long, String> institutions = new LinkedHashMap<>();
        organizations.institutions(scope).forEach(i -> institutions.put(i.id(), i.name()));
        Map<Long, Department> departments = new LinkedHashMap<>();
        organizations.departments(scope).forEach(d -> departments.put(d.id(), d));
        if (institutionId != null && !institutions.containsKey(institutionId)) {
            throw new Organizations.NotInScopeException();
        }
        if (departmentId != null && (!departments.containsKey(departmentId)
                || institutionId != null && departments.get(departmentId).institutionId() != institutionId)) {
            throw new Organizations.NotInScopeException();
        }
        List<ClinicTally> tallies = statistics.tally(scope, range.boundaries(), institutionId, departmentId);
        Map<VisitCounts.Cell, VisitCounts.Total> totals = visitCounts.totals(scope, range, institutionId, departmentId);

        Map<Long, String> doctors = new LinkedHashMap<>();
        tallies.stream().filter(t -> t.doctorId() != null).forEach(t -> doctors.put(t.doctorId(), t.doctorName()));
        Function<Key, Key> atLevel = k -> switch (level) {
            case INSTITUTION -> new Key(k.institutionId(), ALL, ALL, k.period());
            case DEPARTMENT -> new Key(k.institutionId(), k.departmentId(), ALL, k.period());
            case DOCTOR -> k;
        };
        Map<Key, Sums> rows = aggregate(tallies, totals, level, atLevel.andThen(k -> new Key(k.institutionId(), k.departmentId(),
                k.doctorId(), -1)));
        Map<Key, Sums> monthly = aggregate(tallies, totals, level, atLevel);
        Map<Key, Sums> trend = aggregate(tallies, totals, level, k -> new Key(ALL, ALL, ALL, k.period()));
        Map<Key, Sums> total = aggregate(tallies, totals, level, k -> new Key(ALL, ALL, ALL, -1));
        for (int p = 0; p < range.size(); p++) {
            trend.computeIfAbsent(new Key(ALL, ALL, ALL, p), k -> new Sums());
        }
        Set<Channel> channels = new TreeSet<>();
        tallies.forEach(t -> channels.add(t.channel()));

        Function<Map.Entry<Key, Sums>, IndicatorRow> row = e -> row(e.getKey(), e.getValue(), level, range, institutions,
                departments, doctors);
        Comparator<Map.Entry<Key, Sums>> order = Comparator.comparing((Map.Entry<Key, Sums> e) -> e.getKey().period())
                .thenComparing(e -> e.getKey().institutionId()).thenComparing(e -> e.getKey().departmentId())
                .thenComparing(e -> e.getKey().doctorId());
        return new IndicatorReport(range.from().toString(), range.to().toString(), level.name().toLowerCase(java.util.Locale.ROOT),
                institutionId, departmentId, definitions.version(),
                rows.entrySet().stream().sorted(order).map(row).toList(),
                monthly.entrySet().stream().sorted(order).map(row).toList(),
                trend.entrySet().stream().sorted(order).map(row).toList(),
                total.isEmpty() ? row(new Key(ALL, ALL, ALL, -1), new Sums(), level, range, institutions, departments, doctors)
                        : row.apply(total.entrySet().iterator().next()),
                List.copyOf(channels));
    }

    /**
     * Adds tallies and visit totals into the cells {@code group} maps them to. A department-month's
     * visit total is added once per cell it falls in; at doctor level there are none (totals are per department).
     */
    private static Map<Key, Sums> aggregate(List<ClinicTally> tallies, Map<VisitCounts.Cell, VisitCounts.Total> totals,
                                            Level level, Function<Key, Key> group) {
        Map<Key, Sums> out = new LinkedHashMap<>();
        for (ClinicTally t : tallies) {
            Key k = new Key(t.institutionId(), t.departmentId(), t.doctorId() == null ? NO_DOCTOR : t.doctorId(), t.period());
            boolean hasTotals = totals.containsKey(new VisitCounts.Cell(t.institutionId(), t.departmentId(), t.period()));
            out.computeIfAbsent(group.apply(k), x -> new Sums()).add(t, hasTotals);
        }
        if (level != Level.DOCTOR) {
            for (var e : totals.entrySet()) {
                VisitCounts.Cell c = e.getKey();
                Key k = new Key(c.institutionId(), c.departmentId(), ALL, c.period());
                out.computeIfAbsent(group.apply(k), x -> new Sums()).addVisits(e.getValue().visits(), e.getValue().days());
            }
        }
        return out;
    }

    private static IndicatorRow row(Key k, Sums s, Level level, MonthRange range, Map<Long, String> institutions,
                                    Map<Long, Department> departments, Map<Long, String> doctors) {
        Long inst = k.institutionId() == ALL ? null : k.institutionId();
        Long dept = k.departmentId() == ALL ? null : k.departmentId();
        Long doctor = k.doctorId() == ALL || k.doctorId() == NO_DOCTOR ? null : k.doctorId();
        String doctorName = k.doctorId() == ALL ? null : k.doctorId() == NO_DOCTOR ? "" : doctors.get(k.doctorId());
        return new IndicatorRow(k.period() < 0 ? null : range.month(k.period()).toString(),
                inst, inst == null ? null : institutions.get(inst),
                dept, dept == null || !departments.containsKey(dept) ? null : departments.get(dept).name(), doctor, doctorName,
                level == Level.DOCTOR ? null : s.visits(), level == Level.DOCTOR ? null : s.visitDays(),
                s.appointmentRate(level), s.meanWaitMinutes(), s.noShowRate(), s.poolUtilisation());
    }

    /** The institutions and departments the filters may choose from: those in the scope. */
    public List<Institution> institutions(DataScope scope) {
        return organizations.institutions(scope);
    }

    public List<Department> departments(DataScope scope, Long institutionId) {
        List<Department> out = new ArrayList<>();
        for (Department d : organizations.departments(scope)) {
            if (institutionId == null || d.institutionId() == institutionId) {
                out.add(d);
            }
        }
        return out;
    }
}
