package org.openhqd.platform.appointments;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.openhqd.platform.audit.AuditAction;
import org.openhqd.platform.audit.AuditLog;
import org.openhqd.platform.security.CurrentUser;
import org.openhqd.platform.security.StaffPrincipal;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.ErrorResponseException;

/**
 * Booking time-slot numbers. The pool's count is taken with one conditional UPDATE
 * ({@code booked < capacity AND release_at <= now}), which the database serialises per pool row,
 * so a release storm can never exceed a pool; the slot's row then hands out the next sequence
 * number under the same row lock, so no number is given twice (a unique constraint backs both).
 * An idempotency key makes a retried request return the appointment it already made.
 */
@Service
public class Appointments {

    static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final Clock clock;
    private final Penalties penalties;
    private final ApplicationEventPublisher events;

    Appointments(JdbcClient jdbc, AuditLog audit, Clock clock, Penalties penalties, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
        this.penalties = penalties;
        this.events = events;
    }

    /** The open slots of a day in the caller's community, with what the channel can still book. */
    public List<SlotView> slots(LocalDate date, Long departmentId, Channel channel) {
        StaffPrincipal user = CurrentUser.get();
        return jdbc.sql("""
                        SELECT s.id, s.session_id, cs.institution_id, cs.department_id, d.name AS department_name,
                               st.name AS doctor_name, cs.clinic_type, s.starts_at, s.ends_at, s.capacity,
                               COALESCE(p.capacity - p.booked, 0) AS pool_free,
                               CASE WHEN p.release_at <= :now THEN 1 ELSE 0 END AS released
                          FROM slot s
                          JOIN clinic_session cs ON cs.id = s.session_id
                          JOIN institution i ON i.id = cs.institution_id
                          JOIN department d ON d.id = cs.department_id
                          LEFT JOIN staff st ON st.id = cs.doctor_id
                          LEFT JOIN slot_pool p ON p.slot_id = s.id AND p.channel = :channel
                         WHERE cs.session_date = :date AND cs.status = 'OPEN' AND i.community_id = :community
                           AND (:dept < 0 OR cs.department_id = :dept)
                         ORDER BY s.starts_at, cs.department_id, s.id""")
                .param("now", utc(clock.instant())).param("channel", channel.name()).param("date", date)
                .param("community", user.communityId()).param("dept", departmentId == null ? -1L : departmentId)
                .query((rs, n) -> new SlotView(rs.getLong("id"), rs.getLong("session_id"), rs.getLong("institution_id"),
                        rs.getLong("department_id"), rs.getString("department_name"), rs.getString("doctor_name"),
                        rs.getString("clinic_type"), instant(rs, "starts_at"), instant(rs, "ends_at"), rs.getInt("capacity"),
                        rs.getInt("released") == 1 ? rs.getInt("pool_free") : 0, channel))
                .list();
    }

    /** The result of a booking request: the appointment and whether this request created it. */
    public record Booking(AppointmentView appointment, boolean created) {
    }

    /**
     * Books the next number of the slot in the channel's pool for a patient of the caller's scope.
     *
     * @throws BookingException 404 for an unknown slot or patient, 409 when the pool is full or not
     *     yet released, or the session is stopped
     */
    @Transactional
    public Booking book(long slotId, long patientId, Channel channel, String idempotencyKey) {
        if (idempotencyKey != null) {
            Optional<AppointmentView> existing = byKey(idempotencyKey);
            if (existing.isPresent()) {
                return new Booking(existing.get(), false);
            }
        }
        StaffPrincipal user = CurrentUser.get();
        var scope = user.scope();
        // in a release storm most requests find the pool already full: say so before any other work
        // (the conditional UPDATE below stays the only authority on taking a number)
        Boolean open = jdbc.sql("SELECT CASE WHEN booked < capacity AND release_at <= :now THEN TRUE ELSE FALSE END "
                        + "FROM slot_pool WHERE slot_id = :s AND channel = :c")
                .param("now", utc(clock.instant())).param("s", slotId).param("c", channel.name())
                .query(Boolean.class).optional().orElse(Boolean.FALSE);
        if (!open) {
            throw new BookingException(HttpStatus.CONFLICT, "slotId",
                    "该时段 " + channel + " 渠道号源已满或尚未放号 / no number left (or not yet released) in this channel's pool");
        }
        boolean patientInScope = jdbc.sql("SELECT COUNT(*) FROM patient p JOIN institution i ON i.id = p.institution_id "
                        + "WHERE p.id = :p AND " + scope.sql("i"))
                .param("p", patientId).params(scope.params())
                .query(Long.class).single() > 0;
        if (!patientInScope) {
            throw new BookingException(HttpStatus.NOT_FOUND, "patientId", "患者不存在或无权访问 / unknown patient");
        }
        penalties.assertMayBookSlot(patientId, slotId); // 爽约处罚: 409 while a no-show penalty applies here
        Map<String, Object> slot = jdbc.sql("""
                        SELECT s.id, s.starts_at, s.ends_at, s.capacity, cs.status, i.community_id
                          FROM slot s JOIN clinic_session cs ON cs.id = s.session_id JOIN institution i ON i.id = cs.institution_id
                         WHERE s.id = :s""").param("s", slotId).query().listOfRows().stream().findFirst()
                .orElseThrow(() -> new BookingException(HttpStatus.NOT_FOUND, "slotId", "号源不存在 / unknown slot"));
        if (((Number) slot.get("community_id")).longValue() != user.communityId()) {
            throw new BookingException(HttpStatus.NOT_FOUND, "slotId", "号源不存在 / unknown slot");
        }
        if (!"OPEN".equals(slot.get("status"))) {
            throw new BookingException(HttpStatus.CONFLICT, "slotId", "该出诊已停诊 / the session was stopped");
        }
        Instant now = clock.instant();
        Instant slotStart = ((java.sql.Timestamp) toTimestamp(slot.get("starts_at"))).toInstant();
        if (!now.isBefore(slotStart)) {
            throw new BookingException(HttpStatus.CONFLICT, "slotId", "该时段已开始，不能再预约 / the slot has started");
        }
        // one appointment per patient per day and department, whatever the channel (no hoarding)
        long same = jdbc.sql("""
                        SELECT COUNT(*) FROM appointment a
                          JOIN slot s2 ON s2.id = a.slot_id JOIN clinic_session c2 ON c2.id = s2.session_id
                          JOIN slot s1 ON s1.id = :slot JOIN clinic_session c1 ON c1.id = s1.session_id
                         WHERE a.patient_id = :p AND a.status IN ('BOOKED', 'CHECKED_IN')
                           AND c2.session_date = c1.session_date AND c2.department_id = c1.department_id""")
                .param("slot", slotId).param("p", patientId).query(Long.class).single();
        if (same > 0) {
            throw new BookingException(HttpStatus.CONFLICT, "patientId",
                    "该患者当天在该科室已有预约 / the patient already has an appointment in this department that day");
        }
        // the pool's number: atomic, never beyond its capacity, never before its release
        int taken = jdbc.sql("UPDATE slot_pool SET booked = booked + 1 WHERE slot_id = :s AND channel = :c "
                        + "AND booked < capacity AND release_at <= :now")
                .param("s", slotId).param("c", channel.name()).param("now", utc(now)).update();
        if (taken != 1) {
            throw new BookingException(HttpStatus.CONFLICT, "slotId",
                    "该时段 " + channel + " 渠道号源已满或尚未放号 / no number left (or not yet released) in this channel's pool");
        }
        long poolId = jdbc.sql("SELECT id FROM slot_pool WHERE slot_id = :s AND channel = :c").param("s", slotId)
                .param("c", channel.name()).query(Long.class).single();
        // the slot's next sequence number, under the slot row's lock
        jdbc.sql("UPDATE slot SET next_number = next_number + 1 WHERE id = :s").param("s", slotId).update();
        int number = jdbc.sql("SELECT next_number - 1 FROM slot WHERE id = :s").param("s", slotId).query(Integer.class).single();
        Instant start = ((java.sql.Timestamp) toTimestamp(slot.get("starts_at"))).toInstant();
        Instant end = ((java.sql.Timestamp) toTimestamp(slot.get("ends_at"))).toInstant();
        int capacity = ((Number) slot.get("capacity")).intValue();
        Duration step = Duration.between(start, end).dividedBy(Math.max(1, capacity));
        Instant suggested = start.plus(step.multipliedBy(Math.min(number - 1, capacity - 1)));
        try {
            jdbc.sql("""
                            INSERT INTO appointment (slot_id, pool_id, patient_id, channel, sequence_number, suggested_at, status,
                                                     idempotency_key, booked_by, booked_at)
                            VALUES (:s, :pool, :p, :c, :n, :suggested, 'BOOKED', :key, :by, :now)""")
                    .param("s", slotId).param("pool", poolId).param("p", patientId).param("c", channel.name())
                    .param("n", number).param("suggested", utc(suggested)).param("key", idempotencyKey, java.sql.Types.VARCHAR)
                    .param("by", user.username()).param("now", utc(now)).update();
        } catch (DuplicateKeyException e) {
            // the same idempotency key raced in on another connection: this transaction rolls back its count
            throw new ReplayedException(idempotencyKey);
        }
        AppointmentView view = jdbc.sql("SELECT * FROM appointment WHERE slot_id = :s AND sequence_number = :n")
                .param("s", slotId).param("n", number).query(Appointments::view).single();
        audit.record(AuditAction.CREATE, "appointment", view.id(), patientId, "slot " + slotId + " no. " + number + " " + channel);
        return new Booking(view, true);
    }

    public Optional<AppointmentView> byKey(String key) {
        return jdbc.sql("SELECT * FROM appointment WHERE idempotency_key = :k").param("k", key).query(Appointments::view).optional();
    }

    /**
     * The patient cancels (退号) a booked appointment of a patient in scope; its number returns to its
     * pool, and the cancellation counts for the no-show policy ({@link AppointmentCancelledByPatient}).
     */
    @Transactional
    public void cancel(long appointmentId) {
        var scope = CurrentUser.get().scope();
        Map<String, Object> a = jdbc.sql("SELECT a.* FROM appointment a JOIN patient p ON p.id = a.patient_id JOIN institution i "
                        + "ON i.id = p.institution_id WHERE a.id = :id AND " + scope.sql("i"))
                .param("id", appointmentId).params(scope.params())
                .query().listOfRows().stream().findFirst()
                .orElseThrow(() -> new BookingException(HttpStatus.NOT_FOUND, "id", "预约不存在或无权访问 / not found"));
        // cut-off: until the slot starts
        // the database keeps microseconds (and may round up): the event must carry the time as stored
        Instant now = clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MICROS);
        int changed = jdbc.sql("UPDATE appointment SET status = 'CANCELLED', cancelled_at = :now, cancelled_by = :by WHERE id = :id "
                        + "AND status = 'BOOKED' AND (SELECT starts_at FROM slot WHERE slot.id = appointment.slot_id) > :now")
                .param("now", utc(now)).param("by", CurrentUser.name()).param("id", appointmentId).update();
        if (changed != 1) {
            throw new BookingException(HttpStatus.CONFLICT, "id",
                    "只能在就诊时段开始前取消已预约的预约 / only a booked appointment can be cancelled, before its slot starts");
        }
        jdbc.sql("UPDATE slot_pool SET booked = booked - 1 WHERE id = :pool").param("pool", a.get("pool_id")).update();
        long patientId = ((Number) a.get("patient_id")).longValue();
        audit.record(AuditAction.UPDATE, "appointment", appointmentId, patientId, "cancelled");
        events.publishEvent(new AppointmentCancelledByPatient(appointmentId, patientId, now)); // counted by the no-show policy
    }

    private static Object toTimestamp(Object o) {
        if (o instanceof java.sql.Timestamp t) {
            return t;
        }
        if (o instanceof OffsetDateTime odt) {
            return java.sql.Timestamp.from(odt.toInstant());
        }
        if (o instanceof java.time.Instant i) {
            return java.sql.Timestamp.from(i);
        }
        throw new IllegalStateException("unexpected time type " + o.getClass());
    }

    static AppointmentView view(ResultSet rs, int n) throws SQLException {
        return new AppointmentView(rs.getLong("id"), rs.getLong("slot_id"), rs.getLong("patient_id"),
                Channel.valueOf(rs.getString("channel")), rs.getInt("sequence_number"), instant(rs, "suggested_at"),
                rs.getString("status"), instant(rs, "booked_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        java.sql.Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    static OffsetDateTime utc(Instant i) {
        return OffsetDateTime.ofInstant(i, ZoneOffset.UTC);
    }

    /** A booking that cannot be made: 404 or 409, as a problem naming the field. */
    public static class BookingException extends ErrorResponseException {
        public BookingException(HttpStatus status, String field, String message) {
            super(status);
            getBody().setDetail(message);
            getBody().setProperty("errors", List.of(Map.of("field", field, "message", message)));
        }
    }

    /** Another request with the same idempotency key won the race; the caller looks its result up. */
    static final class ReplayedException extends RuntimeException {
        final String key;

        ReplayedException(String key) {
            super("replayed " + key);
            this.key = key;
        }
    }
}
