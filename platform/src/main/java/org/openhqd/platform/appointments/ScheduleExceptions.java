package org.openhqd.platform.appointments;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.openhqd.platform.audit.AuditAction;
import org.openhqd.platform.audit.AuditLog;
import org.openhqd.platform.security.CurrentUser;
import org.openhqd.platform.security.DataScope;
import org.openhqd.platform.security.StaffPrincipal;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The exceptions to the weekly templates: holidays (节假日, which stop the sessions already made for
 * the day), substitution (替诊: another doctor takes a session, its patients keep their numbers
 * and are told), and extra sessions (加诊) opened by hand.
 */
@Service
public class ScheduleExceptions {

    private final JdbcClient jdbc;
    private final SessionFactory factory;
    private final StopClinic stopClinic;
    private final PatientNotices notices;
    private final AuditLog audit;
    private final Clock clock;

    ScheduleExceptions(JdbcClient jdbc, SessionFactory factory, StopClinic stopClinic, PatientNotices notices, AuditLog audit,
                       Clock clock) {
        this.jdbc = jdbc;
        this.factory = factory;
        this.stopClinic = stopClinic;
        this.notices = notices;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * Declares a holiday for one institution (or, with null, the caller's whole community — community
     * administrators only) and stops the sessions already generated for that day.
     *
     * @return the stopped sessions' affected appointments with their rebooking offers
     */
    @Transactional
    public List<StopClinic.Affected> declareHoliday(Long institutionId, LocalDate date, String name) {
        StaffPrincipal user = CurrentUser.get();
        DataScope scope = user.scope();
        if (institutionId == null && !user.role().communityWide()) {
            throw new Appointments.BookingException(HttpStatus.FORBIDDEN, "institutionId",
                    "全医共体节假日须由医共体管理员设置 / only community administrators declare community-wide holidays");
        }
        if (institutionId != null && jdbc.sql("SELECT COUNT(*) FROM institution i WHERE i.id = :h AND " + scope.sql("i"))
                .param("h", institutionId).params(scope.params()).query(Long.class).single() == 0) {
            throw new Appointments.BookingException(HttpStatus.NOT_FOUND, "institutionId", "机构不存在或无权访问 / unknown institution");
        }
        jdbc.sql("INSERT INTO holiday (community_id, institution_id, holiday_date, name, created_by, created_at) "
                        + "VALUES (:c, :h, :d, :n, :by, :now)")
                .param("c", user.communityId()).param("h", institutionId, java.sql.Types.BIGINT).param("d", date).param("n", name)
                .param("by", user.username()).param("now", Appointments.utc(clock.instant())).update();
        audit.record(AuditAction.CREATE, "holiday", date, null, name + (institutionId == null ? " (community)" : " institution " + institutionId));
        List<Long> sessions = jdbc.sql("SELECT cs.id FROM clinic_session cs JOIN institution i ON i.id = cs.institution_id "
                        + "WHERE cs.session_date = :d AND cs.status = 'OPEN' AND i.community_id = :c AND (:h < 0 OR cs.institution_id = :h) "
                        + "AND " + scope.sql("i") + " ORDER BY cs.id")
                .param("d", date).param("c", user.communityId()).param("h", institutionId == null ? -1L : institutionId)
                .params(scope.params()).query(Long.class).list();
        List<StopClinic.Affected> affected = new ArrayList<>();
        for (long s : sessions) {
            affected.addAll(stopClinic.stop(s, "节假日停诊：" + name));
        }
        return affected;
    }

    /** 替诊: another doctor of the community takes the session; booked patients are told. */
    @Transactional
    public void substitute(long sessionId, long doctorId, String reason) {
        DataScope scope = CurrentUser.get().scope();
        Map<String, Object> session = jdbc.sql("SELECT cs.* FROM clinic_session cs JOIN institution i ON i.id = cs.institution_id "
                        + "WHERE cs.id = :id AND " + scope.sql("i"))
                .param("id", sessionId).params(scope.params()).query().listOfRows().stream().findFirst()
                .orElseThrow(() -> new Appointments.BookingException(HttpStatus.NOT_FOUND, "id", "出诊不存在或无权访问 / not found"));
        if (!"OPEN".equals(session.get("status"))) {
            throw new Appointments.BookingException(HttpStatus.CONFLICT, "id", "该出诊已停诊 / the session was stopped");
        }
        Map<String, Object> doctor = jdbc.sql("SELECT s.id, s.name FROM staff s JOIN institution i ON i.id = s.institution_id "
                        + "JOIN institution h ON h.community_id = i.community_id WHERE s.id = :s AND h.id = :h AND s.enabled "
                        + "AND s.role IN ('DOCTOR', 'DEPARTMENT_HEAD')")
                .param("s", doctorId).param("h", session.get("institution_id")).query().listOfRows().stream().findFirst()
                .orElseThrow(() -> new Appointments.BookingException(HttpStatus.NOT_FOUND, "doctorId", "医生不存在或不在本医共体 / unknown doctor"));
        Object previous = session.get("doctor_id");
        if (previous != null && ((Number) previous).longValue() == doctorId) {
            throw new Appointments.BookingException(HttpStatus.BAD_REQUEST, "doctorId", "替诊医生与原医生相同 / same doctor");
        }
        try {
            if (previous != null) {
                jdbc.sql("DELETE FROM session_participant WHERE session_id = :s AND staff_id = :d").param("s", sessionId)
                        .param("d", previous).update();
            }
            jdbc.sql("INSERT INTO session_participant (session_id, staff_id, session_date, block, role) VALUES (:s, :d, :date, :b, '替诊医生')")
                    .param("s", sessionId).param("d", doctorId).param("date", session.get("session_date")).param("b", session.get("block"))
                    .update();
        } catch (DuplicateKeyException e) {
            throw new Appointments.BookingException(HttpStatus.CONFLICT, "doctorId",
                    "替诊医生该时段已有出诊 / the substitute already has a session in this block");
        }
        jdbc.sql("UPDATE clinic_session SET doctor_id = :d, original_doctor_id = COALESCE(original_doctor_id, :prev), "
                        + "substitution_reason = :r WHERE id = :id")
                .param("d", doctorId).param("prev", previous == null ? null : ((Number) previous).longValue(), java.sql.Types.BIGINT)
                .param("r", reason).param("id", sessionId).update();
        audit.record(AuditAction.UPDATE, "clinic_session", sessionId, null, "substituted by staff " + doctorId + ": " + reason);
        jdbc.sql("SELECT a.id, a.patient_id FROM appointment a JOIN slot s ON s.id = a.slot_id WHERE s.session_id = :s "
                        + "AND a.status IN ('BOOKED', 'CHECKED_IN')")
                .param("s", sessionId).query().listOfRows()
                .forEach(a -> notices.notify(((Number) a.get("patient_id")).longValue(), ((Number) a.get("id")).longValue(),
                        "SUBSTITUTION", "您预约的出诊改由 " + doctor.get("name") + " 医生替诊，号序与时间不变；如需取消可免责取消。"
                                + " / Your session will be held by another doctor; number and time are unchanged."));
    }

    /** An extra session (加诊) opened by hand, with the same rules as a template's. */
    public record ExtraSession(long institutionId, long departmentId, Long doctorId, LocalDate date, ClinicBlock block,
                               LocalTime start, LocalTime end, ClinicType clinicType, int slotMinutes, int numbersPerSlot,
                               String campus, String room, Eligibility eligibility, List<ScheduleTemplate.Pool> pools) {
    }

    @Transactional
    public long openExtra(ExtraSession e) {
        DataScope scope = CurrentUser.get().scope();
        if (jdbc.sql("SELECT COUNT(*) FROM department dp JOIN institution i ON i.id = dp.institution_id "
                        + "WHERE dp.id = :d AND i.id = :h AND " + scope.sql("i"))
                .param("d", e.departmentId()).param("h", e.institutionId()).params(scope.params()).query(Long.class).single() == 0) {
            throw new Appointments.BookingException(HttpStatus.NOT_FOUND, "departmentId", "科室不存在或无权访问 / unknown department");
        }
        // the same rules as a template (a template with the extra session's weekday)
        ScheduleTemplates.validate(new ScheduleTemplates.Draft(e.institutionId(), e.departmentId(), e.doctorId(), "加诊",
                e.date().getDayOfWeek(), e.block(), e.start(), e.end(), e.campus(), e.room(), e.clinicType(), e.slotMinutes(),
                e.numbersPerSlot(), 0, LocalTime.MIDNIGHT, e.eligibility(), e.date(), e.date(), e.pools()));
        if (!e.date().isAfter(LocalDate.now(clock.withZone(Appointments.CHINA)).minusDays(1))) {
            throw new Appointments.BookingException(HttpStatus.BAD_REQUEST, "date", "加诊日期不能早于今天 / date is in the past");
        }
        // released as soon as it is opened; reserved pools return at their own rule
        java.time.Instant now = clock.instant();
        List<SessionPlan.PoolPlan> pools = e.pools().stream().filter(p -> p.numbers() > 0).map(p -> new SessionPlan.PoolPlan(
                p.channel(), p.numbers(), now, p.returnDays() == null ? null
                : e.date().minusDays(p.returnDays()).atTime(p.returnTime()).atZone(Appointments.CHINA).toInstant(),
                p.returnDays() == null ? null : ScheduleTemplates.PUBLIC_CHANNEL)).toList();
        List<SessionPlan.Participant> people = e.doctorId() == null ? List.of() : List.of(new SessionPlan.Participant(e.doctorId(), "加诊医生"));
        long id = factory.open(new SessionPlan(e.institutionId(), e.departmentId(), e.doctorId(), null, "EXTRA", e.date(), e.block(),
                e.start(), e.end(), e.clinicType(), e.slotMinutes(), e.numbersPerSlot(), pools,
                e.eligibility() == null ? Eligibility.ANYONE : e.eligibility(), e.campus(), e.room(), people));
        audit.record(AuditAction.CREATE, "clinic_session", id, null, "extra session " + e.date() + " " + e.block());
        return id;
    }
}
