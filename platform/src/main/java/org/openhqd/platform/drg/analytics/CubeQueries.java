package org.openhqd.platform.drg.analytics;

import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.openhqd.platform.security.DataScope;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Reads the analytics cube inside the caller's data scope (every query joins the institution and
 * adds the scope's condition), summed per the requested dimension under the query's filters.
 */
@Component
public class CubeQueries {

    /** Sums of cube rows under one key of a dimension (key columns not in the dimension are null). */
    record Keyed(Long institutionId, String institution, String department, String doctor, String drg, String status,
                 String month, CubeSums sums, long drgCount) {
    }

    /** An institution with cases in the cube, for the filter. */
    public record Institution(long id, String name) {
    }

    /** What the cube holds in a scope: its months and when it was last built. */
    public record Coverage(String firstMonth, String lastMonth, OffsetDateTime builtAt) {
    }

    private final JdbcClient jdbc;

    CubeQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The query's figures per key of {@code dimension}, or one row over everything when it is null.
     * Reads the coarsest grain that still has the columns the dimension and the filters name (the
     * doctor grain only for doctors), and keeps to the institutions of the scope.
     */
    List<Keyed> rows(DataScope scope, AnalyticsQuery q, Dimension dimension, Map<Long, String> names) {
        String key = dimension == null ? "" : switch (dimension) {
            case INSTITUTION -> "c.institution_id";
            case DEPARTMENT -> "c.institution_id, c.department";
            case DOCTOR -> "c.institution_id, c.department, c.attending_doctor";
            case DRG -> "c.institution_id, c.drg";
            case MONTH -> "c.discharge_month";
        };
        String order = dimension == null ? "" : switch (dimension) {
            case INSTITUTION -> " ORDER BY c.institution_id";
            case MONTH -> " ORDER BY c.discharge_month";
            default -> " ORDER BY c.institution_id, SUM(c.cases) DESC, " + key.substring("c.institution_id, ".length());
        };
        Map<String, Object> params = new HashMap<>(scope.params());
        String sql = "SELECT " + (key.isEmpty() ? "" : key + ", ")
                + (dimension == Dimension.DRG ? "MIN(c.group_status) AS status, " : "") + CubeSums.SELECT
                + " FROM drg_cube c WHERE c.grain = '" + grain(q, dimension) + "'"
                + " AND c.institution_id IN (SELECT i.id FROM institution i WHERE " + scope.sql("i") + ")"
                + where(q, params) + (key.isEmpty() ? "" : " GROUP BY " + key) + order;
        return jdbc.sql(sql).params(params).query((rs, n) -> {
            boolean inst = dimension != null && dimension != Dimension.MONTH;
            Long institutionId = inst ? rs.getLong("institution_id") : null;
            String drg = dimension == Dimension.DRG ? rs.getString("drg") : null;
            String status = null;
            if (dimension == Dimension.DRG) {
                status = drg.isEmpty() ? "ungrouped" : rs.getString("status");
                drg = drg.isEmpty() ? AnalyticsQuery.UNGROUPED : drg;
            }
            return new Keyed(institutionId, inst ? names.getOrDefault(institutionId, "#" + institutionId) : null,
                    dimension == Dimension.DEPARTMENT || dimension == Dimension.DOCTOR ? rs.getString("department") : null,
                    dimension == Dimension.DOCTOR ? rs.getString("attending_doctor") : null, drg, status,
                    dimension == Dimension.MONTH ? rs.getString("discharge_month") : null, CubeSums.read(rs),
                    rs.getLong("drg_count"));
        }).list();
    }

    /** D (doctor) when doctors are asked for or filtered, P (department) likewise, else H (hospital). */
    static String grain(AnalyticsQuery q, Dimension dimension) {
        if (dimension == Dimension.DOCTOR || q.doctor() != null) {
            return "D";
        }
        if (dimension == Dimension.DEPARTMENT || q.department() != null) {
            return "P";
        }
        return "H";
    }

    /** The institutions in scope whose cube holds cases, by name. */
    List<Institution> institutions(DataScope scope) {
        return jdbc.sql("SELECT i.id, i.name FROM institution i JOIN drg_cube_build b ON b.institution_id = i.id WHERE "
                        + scope.sql("i") + " AND b.case_count > 0 ORDER BY i.name, i.id")
                .params(scope.params()).query((rs, n) -> new Institution(rs.getLong("id"), rs.getString("name"))).list();
    }

    /** The months the cube holds in scope (or for one institution in it) and its latest build. */
    Coverage coverage(DataScope scope, Long institution) {
        Map<String, Object> params = new HashMap<>(scope.params());
        params.put("inst", institution == null ? -1L : institution);
        return jdbc.sql("SELECT MIN(b.first_month) AS first_month, MAX(b.last_month) AS last_month, MAX(b.built_at) AS built_at "
                        + "FROM drg_cube_build b JOIN institution i ON i.id = b.institution_id WHERE " + scope.sql("i")
                        + (institution == null ? "" : " AND b.institution_id = :inst"))
                .params(params).query((rs, n) -> new Coverage(rs.getString("first_month"), rs.getString("last_month"),
                        rs.getObject("built_at", OffsetDateTime.class))).single();
    }

    private static String where(AnalyticsQuery q, Map<String, Object> params) {
        StringBuilder w = new StringBuilder(" AND c.discharge_month BETWEEN :from AND :to");
        params.put("from", q.from().toString());
        params.put("to", q.to().toString());
        if (q.institution() != null) {
            w.append(" AND c.institution_id = :institution");
            params.put("institution", q.institution());
        }
        if (q.department() != null) {
            w.append(" AND c.department = :department");
            params.put("department", q.department());
        }
        if (q.doctor() != null) {
            w.append(" AND c.attending_doctor = :doctor");
            params.put("doctor", q.doctor());
        }
        if (q.drg() != null) {
            w.append(" AND c.drg = :drg");
            params.put("drg", AnalyticsQuery.UNGROUPED.equals(q.drg()) ? "" : q.drg());
        }
        return w.toString();
    }
}
