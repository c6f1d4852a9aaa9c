package org.openhqd.platform.outpatient;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.openhqd.platform.audit.AuditAction;
import org.openhqd.platform.audit.AuditLog;
import org.openhqd.platform.organization.Department;
import org.openhqd.platform.organization.Institution;
import org.openhqd.platform.organization.Organizations;
import org.openhqd.platform.security.StaffPrincipal;
import org.openhqd.platform.security.DataScope;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Outpatient visit totals imported from the HIS (门诊诊疗人次 per institution, department and day),
 * the appointment rate's denominator. An import is all or nothing: any bad row rejects the file.
 */
@Service
public class VisitCounts {

    /** A department-month of the range. */
    record Cell(long institutionId, long departmentId, int period) {
    }

    /** Imported visits of a department-month and on how many days. */
    record Total(long visits, int days) {
    }

    private final JdbcClient jdbc;
    private final Organizations organizations;
    private final AuditLog audit;
    private final Clock clock;

    VisitCounts(JdbcClient jdbc, Organizations organizations, AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.organizations = organizations;
        this.audit = audit;
        this.clock = clock;
    }

    /** Imported totals per department-month of the range, inside the scope (and the optional filters). */
    Map<Cell, Total> totals(DataScope scope, MonthRange range, Long institutionId, Long departmentId) {
        Map<Cell, Total> out = new LinkedHashMap<>();
        jdbc.sql("""
                        SELECT v.institution_id, v.department_id, v.visit_date, v.visits
                          FROM outpatient_visit_count v JOIN institution i ON i.id = v.institution_id
                         WHERE v.visit_date >= :from AND v.visit_date <= :to
                           AND (:inst < 0 OR v.institution_id = :inst) AND (:dept < 0 OR v.department_id = :dept)
                           AND """ + scope.sql("i"))
                .param("from", range.from().atDay(1)).param("to", range.to().atEndOfMonth())
                .param("inst", institutionId == null ? -1L : institutionId).param("dept", departmentId == null ? -1L : departmentId)
                .params(scope.params())
                .query((org.springframework.jdbc.core.RowCallbackHandler) rs -> {
                    int period = range.indexOf(YearMonth.from(rs.getDate("visit_date").toLocalDate()));
                    Cell cell = new Cell(rs.getLong("institution_id"), rs.getLong("department_id"), period);
                    Total t = out.getOrDefault(cell, new Total(0, 0));
                    out.put(cell, new Total(t.visits() + rs.getLong("visits"), t.days() + 1));
                });
        return out;
    }

    /**
     * The imported totals of a calendar year per institution, department code and month, inside the
     * scope: a read-only view for other modules, so they never read this module's table.
     */
    public List<MonthlyVisits> monthlyVisits(DataScope scope, int year) {
        return jdbc.sql("""
                        SELECT v.institution_id, d.code, EXTRACT(MONTH FROM v.visit_date) AS m, SUM(v.visits) AS visits
                          FROM outpatient_visit_count v JOIN institution i ON i.id = v.institution_id
                          JOIN department d ON d.id = v.department_id
                         WHERE v.visit_date >= :from AND v.visit_date < :to AND """ + scope.sql("i")
                        + " GROUP BY v.institution_id, d.code, EXTRACT(MONTH FROM v.visit_date)")
                .param("from", LocalDate.of(year, 1, 1)).param("to", LocalDate.of(year + 1, 1, 1)).params(scope.params())
                .query((rs, n) -> new MonthlyVisits(rs.getLong("institution_id"), rs.getString("code"), rs.getInt("m"),
                        rs.getLong("visits")))
                .list();
    }

    /**
     * Imports a CSV of daily totals ({@code institution_code,department_code,date,visits}) for
     * institutions in the importer's scope; a day imported again gets the new figure.
     *
     * @return the number of days imported
     * @throws VisitCountImportException naming every bad line and field; nothing is imported then
     */
    @Transactional
    public int importCsv(String csv, StaffPrincipal importer) {
        DataScope scope = importer.scope();
        Map<String, Institution> institutions = new LinkedHashMap<>();
        organizations.institutions(scope).forEach(i -> institutions.put(i.code(), i));
        Map<String, Department> departments = new LinkedHashMap<>();
        for (Department d : organizations.departments(scope)) {
            departments.put(d.institutionId() + "/" + d.code(), d);
        }
        LocalDate today = LocalDate.now(clock.withZone(MonthRange.CHINA));
        List<VisitCountCsv.Row> rows = VisitCountCsv.parse(csv, institutions, departments, today);
        OffsetDateTime now = OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
        int replaced = 0;
        for (VisitCountCsv.Row r : rows) {
            int n = jdbc.sql("UPDATE outpatient_visit_count SET visits = :v, imported_by = :by, imported_at = :now "
                            + "WHERE institution_id = :i AND department_id = :d AND visit_date = :date")
                    .param("v", r.visits()).param("by", importer.username()).param("now", now).param("i", r.institutionId())
                    .param("d", r.departmentId()).param("date", r.date()).update();
            if (n == 0) {
                jdbc.sql("INSERT INTO outpatient_visit_count (institution_id, department_id, visit_date, visits, imported_by, "
                                + "imported_at) VALUES (:i, :d, :date, :v, :by, :now)")
                        .param("i", r.institutionId()).param("d", r.departmentId()).param("date", r.date()).param("v", r.visits())
                        .param("by", importer.username()).param("now", now).update();
            } else {
                replaced++;
            }
        }
        audit.record(AuditAction.CREATE, "outpatient_visit_count", null, null,
                rows.size() + " daily visit totals imported, " + replaced + " replaced");
        return rows.size();
    }
}
