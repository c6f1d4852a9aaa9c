package org.openhqd.platform.referral;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.openhqd.platform.security.DataScope;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The SQL of care plans. A task is read through its referral's visibility (either institution in
 * the caller's scope) or, for the worklist, through the receiving institution's subtree; closing
 * a task is conditional on it still being OPEN.
 */
@Repository
class CareTaskStore {

    /** What closing a task needs: its referral's two sides and its status. */
    record Row(long id, long referralId, long patientId, String toPath, String fromPath, CareTaskStatus status) {
    }

    private static final String VIEW_SELECT = """
            SELECT t.*, i.name AS institution_name, p.name AS patient_name, p.id_number_masked, s.name AS staff_name
              FROM care_task t
              JOIN institution i ON i.id = t.institution_id
              JOIN patient p ON p.id = t.patient_id
              LEFT JOIN staff s ON s.id = t.assigned_staff_id
            """;

    private final JdbcClient jdbc;

    CareTaskStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long insert(ReferralStore.Row referral, NewCareTask t, String actor, Instant now) {
        var keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
        jdbc.sql("""
                        INSERT INTO care_task (referral_id, institution_id, patient_id, type, description, due_date, assigned_staff_id,
                                               status, created_by, created_at)
                        VALUES (:r, :i, :p, :type, :d, :due, :staff, 'OPEN', :by, :now)""")
                .param("r", referral.id()).param("i", referral.toInstitution()).param("p", referral.patientId())
                .param("type", t.type().name()).param("d", t.description().strip()).param("due", t.dueDate())
                .param("staff", t.assignedStaffId(), java.sql.Types.BIGINT).param("by", actor).param("now", ReferralStore.utc(now))
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    /** Whether the staff member works at the institution (the only ones a task may be assigned to). */
    boolean staffOf(long staffId, long institutionId) {
        return jdbc.sql("SELECT COUNT(*) FROM staff WHERE id = :s AND institution_id = :i").param("s", staffId).param("i", institutionId)
                .query(Long.class).single() > 0;
    }

    List<CareTaskView> ofReferral(long referralId, LocalDate today) {
        return jdbc.sql(VIEW_SELECT + " WHERE t.referral_id = :r ORDER BY t.due_date, t.id").param("r", referralId)
                .query((rs, n) -> view(rs, today)).list();
    }

    Optional<CareTaskView> view(long id, LocalDate today) {
        return jdbc.sql(VIEW_SELECT + " WHERE t.id = :id").param("id", id).query((rs, n) -> view(rs, today)).optional();
    }

    /**
     * The worklist of the institutions under {@code path}: overdue tasks first, then by due date;
     * {@code status} and {@code overdueOnly} filter.
     */
    List<CareTaskView> worklist(String path, CareTaskStatus status, boolean overdueOnly, LocalDate today, int limit) {
        return jdbc.sql(VIEW_SELECT + """
                         WHERE i.path LIKE :path AND (:status = '' OR t.status = :status)
                           AND (:overdue = FALSE OR (t.status = 'OPEN' AND t.due_date < :today))
                         ORDER BY CASE WHEN t.status = 'OPEN' AND t.due_date < :today THEN 0 WHEN t.status = 'OPEN' THEN 1 ELSE 2 END,
                                  t.due_date, t.id
                         LIMIT :limit""")
                .param("path", path + "%").param("status", status == null ? "" : status.name()).param("overdue", overdueOnly)
                .param("today", today).param("limit", limit)
                .query((rs, n) -> view(rs, today)).list();
    }

    Optional<Row> row(long id, DataScope scope) {
        return jdbc.sql("""
                        SELECT t.id, t.referral_id, t.patient_id, ti.path AS to_path, fi.path AS from_path, t.status
                          FROM care_task t
                          JOIN referral r ON r.id = t.referral_id
                          JOIN institution fi ON fi.id = r.from_institution
                          JOIN institution ti ON ti.id = r.to_institution
                         WHERE t.id = :id AND """ + ReferralStore.visibleTo(scope))
                .param("id", id).params(scope.params())
                .query((rs, n) -> new Row(rs.getLong("id"), rs.getLong("referral_id"), rs.getLong("patient_id"),
                        rs.getString("to_path"), rs.getString("from_path"), CareTaskStatus.valueOf(rs.getString("status"))))
                .optional();
    }

    /** Closes an OPEN task; false when it was closed already (by this or a concurrent request). */
    boolean close(long id, CareTaskStatus to, String actor, Instant now, String note) {
        return jdbc.sql("UPDATE care_task SET status = :to, closed_by = :by, closed_at = :now, closing_note = :note "
                        + "WHERE id = :id AND status = 'OPEN'")
                .param("to", to.name()).param("by", actor).param("now", ReferralStore.utc(now))
                .param("note", note, java.sql.Types.VARCHAR).param("id", id).update() == 1;
    }

    private static CareTaskView view(ResultSet rs, LocalDate today) throws SQLException {
        long staff = rs.getLong("assigned_staff_id");
        Long staffId = rs.wasNull() ? null : staff;
        CareTaskStatus status = CareTaskStatus.valueOf(rs.getString("status"));
        LocalDate due = rs.getObject("due_date", LocalDate.class);
        return new CareTaskView(rs.getLong("id"), rs.getLong("referral_id"), rs.getLong("institution_id"),
                rs.getString("institution_name"), rs.getLong("patient_id"), maskName(rs.getString("patient_name")),
                rs.getString("id_number_masked"), CareTaskType.valueOf(rs.getString("type")), rs.getString("description"), due,
                staffId, rs.getString("staff_name"), status, status == CareTaskStatus.OPEN && due.isBefore(today),
                rs.getString("created_by"), ReferralStore.instant(rs, "created_at"), rs.getString("closed_by"),
                ReferralStore.instant(rs, "closed_at"), rs.getString("closing_note"));
    }

    /** 张三丰 → 张** : a worklist is read at a glance by anyone near the screen. */
    static String maskName(String name) {
        if (name == null || name.isEmpty()) {
            return name;
        }
        int first = name.offsetByCodePoints(0, 1);
        return name.substring(0, first) + "*".repeat(Math.max(1, name.codePointCount(first, name.length())));
    }
}
