package org.openhqd.platform.appointments;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.openhqd.platform.security.DataScope;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Read-only counts over appointments and channel pools for the indicator modules, so that the SQL
 * on the appointment tables stays in this module. Periods are given as instants (a caller cuts
 * months in the time zone it reports in); a slot belongs to the period its start falls in. Only
 * clinics of institutions inside the caller's scope are counted.
 */
@Service
public class AppointmentStatistics {

    /** The longest range one call may span, so that the period expression stays small. */
    public static final int MAX_PERIODS = 36;

    private final JdbcClient jdbc;
    private final Clock clock;

    AppointmentStatistics(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * Counts per institution, department, doctor, period and channel for slots starting in
     * {@code [boundaries[0], boundaries[n])}.
     *
     * @param boundaries ascending period starts followed by the end of the last period
     * @param institutionId only this institution, or null for all in scope
     * @param departmentId only this department, or null
     */
    public List<ClinicTally> tally(DataScope scope, List<Instant> boundaries, Long institutionId, Long departmentId) {
        if (boundaries.size() < 2 || boundaries.size() > MAX_PERIODS + 1) {
            throw new IllegalArgumentException("between 1 and " + MAX_PERIODS + " periods");
        }
        // the period as a CASE over the boundaries: portable, and the database's session time zone never matters
        StringBuilder period = new StringBuilder("CASE");
        Map<String, Object> params = new LinkedHashMap<>(scope.params());
        for (int i = 1; i < boundaries.size() - 1; i++) {
            period.append(" WHEN s.starts_at < :b").append(i).append(" THEN ").append(i - 1);
            params.put("b" + i, Appointments.utc(boundaries.get(i)));
        }
        period.append(" ELSE ").append(boundaries.size() - 2).append(" END");
        String periodSql = boundaries.size() == 2 ? "0" : period.toString();
        params.put("from", Appointments.utc(boundaries.get(0)));
        params.put("to", Appointments.utc(boundaries.get(boundaries.size() - 1)));
        params.put("inst", institutionId == null ? -1L : institutionId);
        params.put("dept", departmentId == null ? -1L : departmentId);
        params.put("now", Appointments.utc(clock.instant()));
        String clinics = """
                  JOIN slot s ON s.id = %s.slot_id
                  JOIN clinic_session cs ON cs.id = s.session_id
                  JOIN institution i ON i.id = cs.institution_id
                 WHERE s.starts_at >= :from AND s.starts_at < :to
                   AND (:inst < 0 OR cs.institution_id = :inst) AND (:dept < 0 OR cs.department_id = :dept)
                   AND """;
        List<Map<String, Object>> visits = jdbc.sql("""
                        SELECT x.institution_id, x.department_id, x.doctor_id, x.period, x.channel,
                               SUM(x.appointed) AS appointed, SUM(x.waited) AS waited, SUM(x.wait_seconds) AS wait_seconds,
                               SUM(x.no_show) AS no_shows, SUM(x.due) AS due, SUM(x.booked) AS booked
                          FROM (SELECT cs.institution_id, cs.department_id, cs.doctor_id, a.channel, %s AS period,
                                       CASE WHEN a.status IN ('CALLED', 'SEEN') THEN 1 ELSE 0 END AS appointed,
                                       CASE WHEN a.status IN ('CALLED', 'SEEN') AND a.arrived_at IS NOT NULL
                                            AND a.called_at IS NOT NULL THEN 1 ELSE 0 END AS waited,
                                       CASE WHEN a.status IN ('CALLED', 'SEEN') AND a.arrived_at IS NOT NULL
                                            AND a.called_at IS NOT NULL
                                            THEN GREATEST(0, EXTRACT(EPOCH FROM a.called_at)
                                                             - EXTRACT(EPOCH FROM GREATEST(a.arrived_at, s.starts_at)))
                                            ELSE 0 END AS wait_seconds,
                                       CASE WHEN a.status = 'NO_SHOW' THEN 1 ELSE 0 END AS no_show,
                                       CASE WHEN a.status IN ('CHECKED_IN', 'CALLED', 'SEEN', 'NO_SHOW') THEN 1 ELSE 0 END AS due,
                                       CASE WHEN a.status IN ('CANCELLED', 'CANCELLED_BY_HOSPITAL') THEN 0 ELSE 1 END AS booked
                                  FROM appointment a
                                %s %s) x
                         GROUP BY x.institution_id, x.department_id, x.doctor_id, x.period, x.channel"""
                        .formatted(periodSql, clinics.formatted("a"), scope.sql("i")))
                .params(params).query().listOfRows();
        List<Map<String, Object>> pools = jdbc.sql("""
                        SELECT x.institution_id, x.department_id, x.doctor_id, x.period, x.channel, SUM(x.capacity) AS released
                          FROM (SELECT cs.institution_id, cs.department_id, cs.doctor_id, p.channel, p.capacity, %s AS period
                                  FROM slot_pool p
                                %s %s AND cs.status = 'OPEN' AND p.release_at <= :now) x
                         GROUP BY x.institution_id, x.department_id, x.doctor_id, x.period, x.channel"""
                        .formatted(periodSql, clinics.formatted("p"), scope.sql("i")))
                .params(params).query().listOfRows();
        Map<List<Object>, long[]> counts = new LinkedHashMap<>();
        Map<List<Object>, Double> seconds = new LinkedHashMap<>();
        for (Map<String, Object> r : visits) {
            List<Object> key = key(r);
            counts.put(key, new long[] {n(r, "appointed"), n(r, "waited"), n(r, "no_shows"), n(r, "due"), n(r, "booked"), 0});
            seconds.put(key, ((Number) r.get("wait_seconds")).doubleValue());
        }
        for (Map<String, Object> r : pools) {
            counts.computeIfAbsent(key(r), k -> new long[6])[5] = n(r, "released");
        }
        Map<Long, String> doctors = doctorNames(counts.keySet());
        List<ClinicTally> out = new ArrayList<>();
        for (var e : counts.entrySet()) {
            List<Object> k = e.getKey();
            long[] c = e.getValue();
            Long doctor = (Long) k.get(2);
            out.add(new ClinicTally((Long) k.get(0), (Long) k.get(1), doctor, doctor == null ? null : doctors.get(doctor),
                    (Integer) k.get(3), Channel.valueOf((String) k.get(4)), c[0], c[1], seconds.getOrDefault(k, 0.0), c[2], c[3],
                    c[4], c[5]));
        }
        return out;
    }

    private Map<Long, String> doctorNames(java.util.Set<List<Object>> keys) {
        List<Long> ids = keys.stream().map(k -> (Long) k.get(2)).filter(Objects::nonNull).distinct().toList();
        Map<Long, String> names = new LinkedHashMap<>();
        if (!ids.isEmpty()) {
            jdbc.sql("SELECT id, name FROM staff WHERE id IN (:ids)").param("ids", ids)
                    .query((rs, n) -> names.put(rs.getLong("id"), rs.getString("name"))).list();
        }
        return names;
    }

    private static List<Object> key(Map<String, Object> r) {
        Object doctor = r.get("doctor_id");
        return java.util.Arrays.asList(n(r, "institution_id"), n(r, "department_id"),
                doctor == null ? null : ((Number) doctor).longValue(), (int) n(r, "period"), r.get("channel"));
    }

    private static long n(Map<String, Object> r, String column) {
        Object v = r.get(column);
        return v == null ? 0 : ((Number) v).longValue();
    }
}
