package org.openhqd.platform.appointments;

import java.time.Clock;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Writes messages for patients (stop-clinic, substitution, waitlist promotion, returned numbers)
 * into the same transaction as the change they report. No SMS gateway is built in: an integration
 * collects PENDING notices through the API and marks them SENT.
 */
@Component
public class PatientNotices {

    private final JdbcClient jdbc;
    private final Clock clock;
    private final org.openhqd.platform.audit.AuditLog audit;

    PatientNotices(JdbcClient jdbc, Clock clock, org.openhqd.platform.audit.AuditLog audit) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.audit = audit;
    }

    /** A notice as an integration collects it: the patient by id only (the HIS holds the phone). */
    public record Notice(long id, long patientId, Long appointmentId, String kind, String message, String status,
                         java.time.Instant createdAt) {
    }

    /** Pending notices of patients in the caller's scope, oldest first (each read audited). */
    @org.springframework.transaction.annotation.Transactional
    public java.util.List<Notice> pending(int limit) {
        var scope = org.openhqd.platform.security.CurrentUser.get().scope();
        java.util.List<Notice> notices = jdbc.sql("SELECT n.* FROM patient_notice n JOIN patient p ON p.id = n.patient_id "
                        + "JOIN institution i ON i.id = p.institution_id WHERE n.status = 'PENDING' AND " + scope.sql("i")
                        + " ORDER BY n.id LIMIT :limit")
                .params(scope.params()).param("limit", Math.max(1, Math.min(limit, 500)))
                .query((rs, n) -> {
                    long a = rs.getLong("appointment_id");
                    return new Notice(rs.getLong("id"), rs.getLong("patient_id"), rs.wasNull() ? null : a, rs.getString("kind"),
                            rs.getString("message"), rs.getString("status"), rs.getTimestamp("created_at").toInstant());
                }).list();
        notices.forEach(n -> audit.record(org.openhqd.platform.audit.AuditAction.READ, "patient_notice", n.id(), n.patientId(), "collected"));
        return notices;
    }

    /** Marks a notice of a patient in scope as sent; false when there is none pending. */
    @org.springframework.transaction.annotation.Transactional
    public boolean sent(long id) {
        var scope = org.openhqd.platform.security.CurrentUser.get().scope();
        int n = jdbc.sql("UPDATE patient_notice SET status = 'SENT', sent_at = :now WHERE id = :id AND status = 'PENDING' AND patient_id IN "
                        + "(SELECT p.id FROM patient p JOIN institution i ON i.id = p.institution_id WHERE " + scope.sql("i") + ")")
                .param("now", Appointments.utc(clock.instant())).param("id", id).params(scope.params()).update();
        if (n == 1) {
            audit.record(org.openhqd.platform.audit.AuditAction.UPDATE, "patient_notice", id, null, "sent");
        }
        return n == 1;
    }

    void notify(long patientId, Long appointmentId, String kind, String message) {
        jdbc.sql("INSERT INTO patient_notice (patient_id, appointment_id, kind, message, status, created_at) "
                        + "VALUES (:p, :a, :k, :m, 'PENDING', :now)")
                .param("p", patientId).param("a", appointmentId, java.sql.Types.BIGINT).param("k", kind)
                .param("m", message.length() > 1000 ? message.substring(0, 1000) : message)
                .param("now", Appointments.utc(clock.instant())).update();
    }
}
