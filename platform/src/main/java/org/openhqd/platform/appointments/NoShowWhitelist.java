package org.openhqd.platform.appointments;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.openhqd.platform.audit.AuditAction;
import org.openhqd.platform.audit.AuditLog;
import org.openhqd.platform.security.CurrentUser;
import org.openhqd.platform.security.DataScope;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 白名单: patients the no-show policy never counts against nor blocks (e.g. dialysis or cancer
 * patients on fixed schedules, a disability that makes keeping times hard). Entries are kept with
 * who added and removed them and why; only the entry without a removal is in force.
 */
@Service
public class NoShowWhitelist {

    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final Clock clock;

    NoShowWhitelist(JdbcClient jdbc, AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
    }

    /** A whitelisted patient, identity masked. */
    public record Entry(long id, long patientId, String patientName, String idNumber, String reason, String addedBy,
                        Instant addedAt) {
    }

    public boolean contains(long patientId) {
        return jdbc.sql("SELECT COUNT(*) FROM no_show_whitelist WHERE patient_id = :p AND removed_at IS NULL")
                .param("p", patientId).query(Long.class).single() > 0;
    }

    /** Whitelists a patient of the caller's scope; 404 outside it, 409 when already whitelisted. */
    @Transactional
    public Entry add(long patientId, String reason) {
        requireInScope(patientId);
        if (contains(patientId)) {
            throw new NoShowProblem(HttpStatus.CONFLICT, "patientId", "该患者已在白名单中 / the patient is already whitelisted");
        }
        jdbc.sql("INSERT INTO no_show_whitelist (patient_id, reason, added_by, added_at) VALUES (:p, :r, :by, :now)")
                .param("p", patientId).param("r", reason).param("by", CurrentUser.name()).param("now", now()).update();
        Entry e = list(CurrentUser.get().scope(), patientId).get(0);
        audit.record(AuditAction.CREATE, "no_show_whitelist", e.id(), patientId, reason);
        return e;
    }

    /** Takes a patient of the caller's scope off the whitelist; 404 when not whitelisted. */
    @Transactional
    public void remove(long patientId, String reason) {
        requireInScope(patientId);
        int n = jdbc.sql("UPDATE no_show_whitelist SET removed_reason = :r, removed_by = :by, removed_at = :now "
                        + "WHERE patient_id = :p AND removed_at IS NULL")
                .param("r", reason).param("by", CurrentUser.name()).param("now", now()).param("p", patientId).update();
        if (n == 0) {
            throw new NoShowProblem(HttpStatus.NOT_FOUND, "patientId", "该患者不在白名单中 / the patient is not whitelisted");
        }
        audit.record(AuditAction.DELETE, "no_show_whitelist", patientId, patientId, reason);
    }

    /** The entries in force for patients of the scope (all of them when {@code patientId} is null). */
    public List<Entry> list(DataScope scope, Long patientId) {
        return jdbc.sql("""
                        SELECT w.id, w.patient_id, pt.name, pt.id_number_masked, w.reason, w.added_by, w.added_at
                          FROM no_show_whitelist w JOIN patient pt ON pt.id = w.patient_id JOIN institution i ON i.id = pt.institution_id
                         WHERE w.removed_at IS NULL AND (:p < 0 OR w.patient_id = :p) AND """ + " " + scope.sql("i") + " ORDER BY w.id")
                .param("p", patientId == null ? -1L : patientId).params(scope.params())
                .query((rs, n) -> new Entry(rs.getLong("id"), rs.getLong("patient_id"), rs.getString("name"),
                        rs.getString("id_number_masked"), rs.getString("reason"), rs.getString("added_by"),
                        rs.getTimestamp("added_at").toInstant()))
                .list();
    }

    private void requireInScope(long patientId) {
        DataScope scope = CurrentUser.get().scope();
        long n = jdbc.sql("SELECT COUNT(*) FROM patient pt JOIN institution i ON i.id = pt.institution_id WHERE pt.id = :p AND "
                        + scope.sql("i"))
                .param("p", patientId).params(scope.params()).query(Long.class).single();
        if (n == 0) {
            throw new NoShowProblem(HttpStatus.NOT_FOUND, "patientId", "患者不存在或无权访问 / unknown patient");
        }
    }

    private OffsetDateTime now() {
        return OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
    }
}
