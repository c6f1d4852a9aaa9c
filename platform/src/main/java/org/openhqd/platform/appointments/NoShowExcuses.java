package org.openhqd.platform.appointments;

import java.util.Map;
import org.openhqd.platform.audit.AuditAction;
import org.openhqd.platform.audit.AuditLog;
import org.openhqd.platform.security.CurrentUser;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Excuses for a missed or cancelled appointment, recorded by the clinic's staff: a rule that
 * lists the excuse among its exemptions does not count the event. An excuse only affects
 * evaluations after it; a penalty already given is contested by appeal.
 */
@Service
public class NoShowExcuses {

    /** Why the patient could not come, as a rule's {@code exemptions} name it. */
    public enum Excuse {
        /** 急诊: the patient was treated as an emergency instead */
        EMERGENCY,
        /** 院方原因: the hospital's fault (wrong information, clinic moved, system failure) */
        HOSPITAL_FAULT,
        /** 残障: a disability made keeping the time impossible */
        DISABILITY
    }

    private final JdbcClient jdbc;
    private final AuditLog audit;

    NoShowExcuses(JdbcClient jdbc, AuditLog audit) {
        this.jdbc = jdbc;
        this.audit = audit;
    }

    /** Excuses a no-show or a patient's cancellation at a clinic of the caller's scope; 404 outside it, 409 for another status. */
    @Transactional
    public AppointmentView excuse(long appointmentId, Excuse excuse, String note) {
        var scope = CurrentUser.get().scope();
        Map<String, Object> row = jdbc.sql("""
                        SELECT a.patient_id FROM appointment a JOIN slot s ON s.id = a.slot_id
                          JOIN clinic_session cs ON cs.id = s.session_id JOIN institution i ON i.id = cs.institution_id
                         WHERE a.id = :id AND """ + " " + scope.sql("i"))
                .param("id", appointmentId).params(scope.params()).query().listOfRows().stream().findFirst()
                .orElseThrow(() -> new NoShowProblem(HttpStatus.NOT_FOUND, "id", "预约不存在或无权访问 / not found"));
        int n = jdbc.sql("UPDATE appointment SET excuse = :e WHERE id = :id AND status IN ('NO_SHOW', 'CANCELLED')")
                .param("e", excuse.name()).param("id", appointmentId).update();
        if (n != 1) {
            throw new NoShowProblem(HttpStatus.CONFLICT, "id",
                    "只有爽约或患者退号的预约可以登记免责原因 / only a no-show or a patient's cancellation can be excused");
        }
        audit.record(AuditAction.UPDATE, "appointment", appointmentId, ((Number) row.get("patient_id")).longValue(),
                "EXCUSED " + excuse + ": " + note);
        return jdbc.sql("SELECT * FROM appointment WHERE id = :id").param("id", appointmentId).query(Appointments::view).single();
    }
}
