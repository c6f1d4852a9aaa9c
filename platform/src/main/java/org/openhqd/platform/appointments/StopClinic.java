package org.openhqd.platform.appointments;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.openhqd.platform.audit.AuditAction;
import org.openhqd.platform.audit.AuditLog;
import org.openhqd.platform.security.CurrentUser;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 停诊: a hospital stops a clinic session. Its booked appointments are cancelled by the hospital
 * (status {@code CANCELLED_BY_HOSPITAL}, never a patient's cancellation or no-show), and each
 * affected patient gets rebooking offers: open slots of the same department in the next seven
 * days with numbers left in the appointment's channel.
 */
@Service
public class StopClinic {

    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final Clock clock;
    private final PatientNotices notices;

    StopClinic(JdbcClient jdbc, AuditLog audit, Clock clock, PatientNotices notices) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
        this.notices = notices;
    }

    /** An affected appointment and the slots offered instead. */
    public record Affected(long appointmentId, long patientId, Channel channel, List<Long> offeredSlotIds) {
    }

    @Transactional
    public List<Affected> stop(long sessionId, String reason) {
        var scope = CurrentUser.get().scope();
        Map<String, Object> session = jdbc.sql("SELECT cs.* FROM clinic_session cs JOIN institution i ON i.id = cs.institution_id "
                        + "WHERE cs.id = :id AND " + scope.sql("i"))
                .param("id", sessionId).params(scope.params())
                .query().listOfRows().stream().findFirst()
                .orElseThrow(() -> new Appointments.BookingException(HttpStatus.NOT_FOUND, "id", "出诊不存在或无权访问 / not found"));
        int n = jdbc.sql("UPDATE clinic_session SET status = 'STOPPED', stop_reason = :r, stopped_at = :now WHERE id = :id AND status = 'OPEN'")
                .param("r", reason).param("now", Appointments.utc(clock.instant())).param("id", sessionId).update();
        if (n != 1) {
            throw new Appointments.BookingException(HttpStatus.CONFLICT, "id", "该出诊已停诊 / already stopped");
        }
        audit.record(AuditAction.UPDATE, "clinic_session", sessionId, null, "STOPPED: " + reason);
        jdbc.sql("UPDATE waitlist_entry SET status = 'EXPIRED', reason = '停诊 / session stopped', closed_at = :now "
                        + "WHERE session_id = :id AND status = 'WAITING'")
                .param("now", Appointments.utc(clock.instant())).param("id", sessionId).update();
        List<Map<String, Object>> booked = jdbc.sql("SELECT a.id, a.patient_id, a.channel, a.pool_id FROM appointment a JOIN slot s "
                + "ON s.id = a.slot_id WHERE s.session_id = :id AND a.status IN ('BOOKED', 'CHECKED_IN') ORDER BY a.id")
                .param("id", sessionId).query().listOfRows();
        long department = ((Number) session.get("department_id")).longValue();
        LocalDate date = ((java.sql.Date) toDate(session.get("session_date"))).toLocalDate();
        List<Affected> affected = new ArrayList<>();
        for (Map<String, Object> a : booked) {
            long id = ((Number) a.get("id")).longValue();
            long patient = ((Number) a.get("patient_id")).longValue();
            Channel channel = Channel.valueOf((String) a.get("channel"));
            jdbc.sql("UPDATE appointment SET status = 'CANCELLED_BY_HOSPITAL', cancelled_at = :now WHERE id = :id")
                    .param("now", Appointments.utc(clock.instant())).param("id", id).update();
            jdbc.sql(channel == Channel.ADD_ON ? "UPDATE slot_pool SET booked = booked - 1, capacity = capacity - 1 WHERE id = :p"
                    : "UPDATE slot_pool SET booked = booked - 1 WHERE id = :p").param("p", a.get("pool_id")).update();
            List<Long> offers = jdbc.sql("""
                            SELECT s.id FROM slot s JOIN clinic_session cs ON cs.id = s.session_id
                              JOIN slot_pool p ON p.slot_id = s.id AND p.channel = :c
                             WHERE cs.department_id = :d AND cs.status = 'OPEN' AND cs.id <> :sid
                               AND cs.session_date BETWEEN :from AND :to AND s.starts_at > :now
                               AND p.booked < p.capacity AND p.release_at <= :now
                             ORDER BY s.starts_at LIMIT 3""")
                    .param("c", channel.name()).param("d", department).param("sid", sessionId).param("from", date)
                    .param("to", date.plusDays(7)).param("now", Appointments.utc(clock.instant())).query(Long.class).list();
            audit.record(AuditAction.UPDATE, "appointment", id, patient, "CANCELLED_BY_HOSPITAL, offers " + offers);
            notices.notify(patient, id, "STOP_CLINIC", "您预约的出诊因故停诊（" + reason + "），预约已由医院取消，不计爽约；"
                    + (offers.isEmpty() ? "请另行预约。" : "已为您推荐 " + offers.size() + " 个可改约时段，请在预约渠道查看。") + " / Your session was stopped by the hospital; "
                    + "the appointment is cancelled without penalty.");
            affected.add(new Affected(id, patient, channel, offers));
        }
        return affected;
    }

    private static Object toDate(Object o) {
        if (o instanceof java.sql.Date d) {
            return d;
        }
        if (o instanceof LocalDate l) {
            return java.sql.Date.valueOf(l);
        }
        throw new IllegalStateException("unexpected date type " + o.getClass());
    }
}
