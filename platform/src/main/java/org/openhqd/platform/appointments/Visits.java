package org.openhqd.platform.appointments;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.openhqd.platform.audit.AuditAction;
import org.openhqd.platform.audit.AuditLog;
import org.openhqd.platform.security.CurrentUser;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What happens after booking: check-in on arrival (报到), call into the room (叫号), seen (就诊), and
 * no-show marking once a slot has ended plus a grace period ({@code hqd.appointments.no-show-after},
 * 30 minutes by default). A stopped session (停诊) never produces no-shows: the hospital cancelled,
 * not the patient. Time comes from the injected clock.
 */
@Service
public class Visits {

    /** The allowed transitions: from status → to status, and the column that records the time. */
    enum Step {
        CHECK_IN("BOOKED", "CHECKED_IN", "arrived_at"),
        CALL("CHECKED_IN", "CALLED", "called_at"),
        SEEN("CALLED", "SEEN", "seen_at");

        final String from;
        final String to;
        final String column;

        Step(String from, String to, String column) {
            this.from = from;
            this.to = to;
            this.column = column;
        }
    }

    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final Clock clock;
    private final Duration grace;
    private final ApplicationEventPublisher events;

    Visits(JdbcClient jdbc, AuditLog audit, Clock clock, @Value("${hqd.appointments.no-show-after:PT30M}") Duration grace,
           ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
        this.grace = grace;
        this.events = events;
    }

    /** Moves an appointment of a clinic in the caller's scope one step on; 409 when out of order. */
    @Transactional
    public AppointmentView advance(long appointmentId, Step step) {
        var scope = CurrentUser.get().scope();
        Map<String, Object> row = jdbc.sql("""
                        SELECT a.id, a.patient_id FROM appointment a JOIN slot s ON s.id = a.slot_id
                          JOIN clinic_session cs ON cs.id = s.session_id JOIN institution i ON i.id = cs.institution_id
                         WHERE a.id = :id""" + " AND " + scope.sql("i"))
                .param("id", appointmentId).params(scope.params())
                .query().listOfRows().stream().findFirst()
                .orElseThrow(() -> new Appointments.BookingException(HttpStatus.NOT_FOUND, "id", "预约不存在或无权访问 / not found"));
        int changed = jdbc.sql("UPDATE appointment SET status = :to, " + step.column + " = :now WHERE id = :id AND status = :from")
                .param("to", step.to).param("now", Appointments.utc(clock.instant())).param("id", appointmentId)
                .param("from", step.from).update();
        if (changed != 1) {
            throw new Appointments.BookingException(HttpStatus.CONFLICT, "id",
                    "预约状态不是 " + step.from + "，不能" + step + " / the appointment is not " + step.from);
        }
        long patient = ((Number) row.get("patient_id")).longValue();
        audit.record(AuditAction.UPDATE, "appointment", appointmentId, patient, step.name());
        return jdbc.sql("SELECT * FROM appointment WHERE id = :id").param("id", appointmentId).query(Appointments::view).single();
    }

    /**
     * Marks as no-show (爽约) every booked appointment whose slot ended more than the grace period
     * before {@code now}; each one is published as {@link AppointmentMissed} for the no-show policy.
     */
    @Transactional
    public int markNoShows(Instant now) {
        List<Map<String, Object>> due = jdbc.sql("""
                        SELECT a.id, a.patient_id FROM appointment a JOIN slot s ON s.id = a.slot_id
                          JOIN clinic_session cs ON cs.id = s.session_id
                         WHERE a.status = 'BOOKED' AND cs.status = 'OPEN' AND s.ends_at < :cutoff""")
                .param("cutoff", Appointments.utc(now.minus(grace))).query().listOfRows();
        for (Map<String, Object> a : due) {
            long id = ((Number) a.get("id")).longValue();
            int n = jdbc.sql("UPDATE appointment SET status = 'NO_SHOW', no_show_at = :now WHERE id = :id AND status = 'BOOKED'")
                    .param("now", Appointments.utc(now)).param("id", id).update();
            if (n == 1) {
                long patient = ((Number) a.get("patient_id")).longValue();
                audit.recordSystem(AuditAction.UPDATE, "appointment", id, patient, "NO_SHOW");
                events.publishEvent(new AppointmentMissed(id, patient, now)); // counted by the no-show policy after commit
            }
        }
        return due.size();
    }
}
