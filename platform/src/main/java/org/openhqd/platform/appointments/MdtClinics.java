package org.openhqd.platform.appointments;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.openhqd.platform.audit.AuditAction;
import org.openhqd.platform.audit.AuditLog;
import org.openhqd.platform.security.CurrentUser;
import org.openhqd.platform.security.StaffPrincipal;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * MDT clinics: a team books a session as one unit — every member is put into the block in the same
 * transaction, and one member already elsewhere (another session, another team) rolls the whole
 * booking back (all-or-nothing, under concurrency too, by the one-place-per-block constraint).
 * Patients are then booked into its slots with a referral, and each visit's record carries the
 * team's joint opinion and the follow-up feedback.
 */
@Service
public class MdtClinics {

    private final JdbcClient jdbc;
    private final MdtTeams teams;
    private final SessionFactory factory;
    private final AuditLog audit;
    private final Clock clock;

    MdtClinics(JdbcClient jdbc, MdtTeams teams, SessionFactory factory, AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.teams = teams;
        this.factory = factory;
        this.audit = audit;
        this.clock = clock;
    }

    /** An MDT session to book for a team: longer slots (30–60 min), few numbers, referral always required. */
    public record SessionRequest(LocalDate date, ClinicBlock block, LocalTime start, LocalTime end, int slotMinutes,
                                 String room, List<ScheduleTemplate.Pool> pools) {
    }

    /**
     * @return the session's id
     * @throws Appointments.BookingException 409 naming {@code participants} when a member is
     *     elsewhere in that block; nothing is booked then
     */
    @Transactional
    public long bookSession(long teamId, SessionRequest r) {
        MdtTeam team = teams.find(teamId);
        if (!team.active()) {
            throw new Appointments.BookingException(HttpStatus.CONFLICT, "teamId", "MDT 团队已停用 / the team is inactive");
        }
        int numbers = r.pools().stream().mapToInt(ScheduleTemplate.Pool::numbers).sum();
        ScheduleTemplates.validate(new ScheduleTemplates.Draft(team.institutionId(), team.departmentId(), team.chiefId(), team.name(),
                r.date().getDayOfWeek(), r.block(), r.start(), r.end(), null, r.room(), ClinicType.MDT, r.slotMinutes(), numbers, 0,
                LocalTime.MIDNIGHT, Eligibility.ANYONE, r.date(), r.date(), r.pools()));
        if (r.slotMinutes() < 30) {
            throw new Appointments.BookingException(HttpStatus.BAD_REQUEST, "slotMinutes", "MDT 时段须为 30–60 分钟 / MDT slots are 30–60 minutes");
        }
        if (r.date().isBefore(LocalDate.now(clock.withZone(Appointments.CHINA)))) {
            throw new Appointments.BookingException(HttpStatus.BAD_REQUEST, "date", "日期不能早于今天 / date is in the past");
        }
        Instant now = clock.instant();
        List<SessionPlan.PoolPlan> pools = r.pools().stream().filter(p -> p.numbers() > 0)
                .map(p -> new SessionPlan.PoolPlan(p.channel(), p.numbers(), now, null, null)).toList();
        List<SessionPlan.Participant> people = team.members().stream()
                .map(m -> new SessionPlan.Participant(m.staffId(), m.staffId() == team.chiefId() ? "首席专家 " + m.role() : m.role()))
                .toList();
        long session = factory.open(new SessionPlan(team.institutionId(), team.departmentId(), team.chiefId(), null, "MDT", r.date(),
                r.block(), r.start(), r.end(), ClinicType.MDT, r.slotMinutes(), numbers, pools,
                new Eligibility(null, null, null, true), null, r.room(), people));
        jdbc.sql("UPDATE clinic_session SET mdt_team_id = :t WHERE id = :s").param("t", teamId).param("s", session).update();
        audit.record(AuditAction.CREATE, "clinic_session", session, null, "MDT session of team " + teamId + " " + r.date() + " " + r.block());
        return session;
    }

    /** The record of an MDT visit. */
    public record Record(long appointmentId, long teamId, long patientId, String attendees, String opinion, String opinionBy,
                         Instant opinionAt, String followUp, String followUpBy, Instant followUpAt) {
    }

    /**
     * 联合诊疗意见: recorded by the team's chief or coordinator for the team after the visit; the
     * attendees are the members present.
     */
    @Transactional
    public Record recordOpinion(long appointmentId, List<Long> attendeeIds, String opinion) {
        Visit v = visit(appointmentId);
        StaffPrincipal user = CurrentUser.get();
        if (user.staffId() == null || (user.staffId() != v.team().chiefId() && !user.staffId().equals(v.team().coordinatorId()))) {
            throw new Appointments.BookingException(HttpStatus.FORBIDDEN, "appointmentId",
                    "联合诊疗意见须由首席专家或协调员录入 / the opinion is recorded by the team's chief or coordinator");
        }
        if (!"SEEN".equals(v.status()) && !"CHECKED_IN".equals(v.status()) && !"CALLED".equals(v.status())) {
            throw new Appointments.BookingException(HttpStatus.CONFLICT, "appointmentId",
                    "患者尚未到诊 / the patient has not attended the MDT visit");
        }
        Map<Long, MdtTeam.Member> members = v.team().members().stream().collect(Collectors.toMap(MdtTeam.Member::staffId, m -> m));
        if (attendeeIds == null || attendeeIds.size() < 2 || !members.keySet().containsAll(attendeeIds)) {
            throw new Appointments.BookingException(HttpStatus.BAD_REQUEST, "attendeeIds",
                    "出席者须为至少两名团队成员 / at least two team members attend an MDT visit");
        }
        String attendees = attendeeIds.stream().distinct().map(members::get).map(m -> m.name() + "（" + m.role() + "）")
                .collect(Collectors.joining("、"));
        int updated = jdbc.sql("UPDATE mdt_record SET attendees = :a, opinion = :o, opinion_by = :by, opinion_at = :now "
                        + "WHERE appointment_id = :id")
                .param("a", attendees).param("o", opinion).param("by", user.username()).param("now", Appointments.utc(clock.instant()))
                .param("id", appointmentId).update();
        if (updated == 0) {
            jdbc.sql("INSERT INTO mdt_record (appointment_id, team_id, attendees, opinion, opinion_by, opinion_at) "
                            + "VALUES (:id, :t, :a, :o, :by, :now)")
                    .param("id", appointmentId).param("t", v.team().id()).param("a", attendees).param("o", opinion)
                    .param("by", user.username()).param("now", Appointments.utc(clock.instant())).update();
        }
        audit.record(AuditAction.UPDATE, "mdt_record", appointmentId, v.patientId(), "opinion recorded");
        return find(appointmentId, v);
    }

    /** 随访反馈: any member of the team, after the opinion. */
    @Transactional
    public Record recordFollowUp(long appointmentId, String followUp) {
        Visit v = visit(appointmentId);
        StaffPrincipal user = CurrentUser.get();
        if (!v.team().hasMember(user.staffId()) && !java.util.Objects.equals(user.staffId(), v.team().coordinatorId())) {
            throw new Appointments.BookingException(HttpStatus.FORBIDDEN, "appointmentId",
                    "随访反馈须由团队成员录入 / follow-up is recorded by a team member");
        }
        int n = jdbc.sql("UPDATE mdt_record SET follow_up = :f, follow_up_by = :by, follow_up_at = :now "
                        + "WHERE appointment_id = :id AND opinion IS NOT NULL")
                .param("f", followUp).param("by", user.username()).param("now", Appointments.utc(clock.instant()))
                .param("id", appointmentId).update();
        if (n != 1) {
            throw new Appointments.BookingException(HttpStatus.CONFLICT, "appointmentId",
                    "须先录入联合诊疗意见 / the joint opinion comes first");
        }
        audit.record(AuditAction.UPDATE, "mdt_record", appointmentId, v.patientId(), "follow-up recorded");
        return find(appointmentId, v);
    }

    /** The record, for staff who may see the patient (each read audited). */
    @Transactional
    public Record record(long appointmentId) {
        Visit v = visit(appointmentId);
        audit.record(AuditAction.READ, "mdt_record", appointmentId, v.patientId(), "read");
        return find(appointmentId, v);
    }

    private record Visit(long patientId, String status, MdtTeam team) {
    }

    /** An MDT appointment whose patient is in the caller's scope. */
    private Visit visit(long appointmentId) {
        var scope = CurrentUser.get().scope();
        Map<String, Object> a = jdbc.sql("""
                        SELECT a.patient_id, a.status, cs.mdt_team_id FROM appointment a JOIN slot s ON s.id = a.slot_id
                          JOIN clinic_session cs ON cs.id = s.session_id JOIN patient p ON p.id = a.patient_id
                          JOIN institution i ON i.id = p.institution_id
                         WHERE a.id = :id AND cs.mdt_team_id IS NOT NULL AND """ + " " + scope.sql("i"))
                .param("id", appointmentId).params(scope.params()).query().listOfRows().stream().findFirst()
                .orElseThrow(() -> new Appointments.BookingException(HttpStatus.NOT_FOUND, "appointmentId",
                        "MDT 预约不存在或无权访问 / unknown MDT appointment"));
        return new Visit(((Number) a.get("patient_id")).longValue(), (String) a.get("status"),
                teams.get(((Number) a.get("mdt_team_id")).longValue()));
    }

    private Record find(long appointmentId, Visit v) {
        return jdbc.sql("SELECT * FROM mdt_record WHERE appointment_id = :id").param("id", appointmentId)
                .query((rs, n) -> new Record(appointmentId, rs.getLong("team_id"), v.patientId(), rs.getString("attendees"),
                        rs.getString("opinion"), rs.getString("opinion_by"), ts(rs.getTimestamp("opinion_at")), rs.getString("follow_up"),
                        rs.getString("follow_up_by"), ts(rs.getTimestamp("follow_up_at"))))
                .optional()
                .orElse(new Record(appointmentId, v.team().id(), v.patientId(), null, null, null, null, null, null, null));
    }

    private static Instant ts(java.sql.Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
