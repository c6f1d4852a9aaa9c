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
    private final BookingLimits limits;
    private final Waitlist waitlist;
    private final FullPools fullPools;
    private final Penalties penalties;
    private final ApplicationEventPublisher events;

    Appointments(JdbcClient jdbc, AuditLog audit, Clock clock, BookingLimits limits,
                 @org.springframework.context.annotation.Lazy Waitlist waitlist, FullPools fullPools, Penalties penalties,
                 ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.fullPools = fullPools;
        this.audit = audit;
        this.clock = clock;
        this.limits = limits;
        this.waitlist = waitlist;
        this.penalties = penalties;
        this.events = events;
    }

    /** A slot as listed, with the channel's pool; callers add the WHERE clause. */
    private static final String SLOT_VIEW = """
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
            """;

    /** The open slots of a day in the caller's community, with what the channel can still book. */
    public List<SlotView> slots(LocalDate date, Long departmentId, Channel channel) {
        StaffPrincipal user = CurrentUser.get();
        return jdbc.sql(SLOT_VIEW + """
                         WHERE cs.session_date = :date AND cs.status = 'OPEN' AND i.community_id = :community
                           AND (:dept < 0 OR cs.department_id = :dept)
                         ORDER BY s.starts_at, cs.department_id, s.id""")
                .param("now", utc(clock.instant())).param("channel", channel.name()).param("date", date)
                .param("community", user.communityId()).param("dept", departmentId == null ? -1L : departmentId)
                .query((rs, n) -> slotView(rs, channel))
                .list();
    }

    /**
     * One slot of the caller's community as {@link #slots} lists it, looked up by id (whatever its
     * session's status): for modules that book on behalf of a workflow (a referral books the
     * receiving institution's REFERRAL pool) and must first check whose slot it is.
     */
    public Optional<SlotView> findSlot(long slotId, Channel channel) {
        return jdbc.sql(SLOT_VIEW + " WHERE s.id = :slot AND i.community_id = :community")
                .param("now", utc(clock.instant())).param("channel", channel.name()).param("slot", slotId)
                .param("community", CurrentUser.get().communityId())
                .query((rs, n) -> slotView(rs, channel))
                .optional();
    }

    private static SlotView slotView(ResultSet rs, Channel channel) throws SQLException {
        return new SlotView(rs.getLong("id"), rs.getLong("session_id"), rs.getLong("institution_id"),
                rs.getLong("department_id"), rs.getString("department_name"), rs.getString("doctor_name"),
                rs.getString("clinic_type"), instant(rs, "starts_at"), instant(rs, "ends_at"), rs.getInt("capacity"),
                rs.getInt("released") == 1 ? rs.getInt("pool_free") : 0, channel);
    }

    /** The result of a booking request: the appointment and whether this request created it. */
    public record Booking(AppointmentView appointment, boolean created) {
    }

    /** A slot with its session, as booking needs it. */
    record SlotInfo(long id, long sessionId, long institutionId, long communityId, long departmentId, Long doctorId,
                    java.time.LocalDate date, String sessionStatus, Instant start, Instant end, int capacity,
                    Eligibility eligibility) {
    }

    /** A patient as booking needs it. */
    record PatientInfo(long id, java.time.LocalDate birthDate, String sex) {
    }

    @Transactional
    public Booking book(long slotId, long patientId, Channel channel, String idempotencyKey) {
        return book(slotId, patientId, channel, idempotencyKey, null);
    }

    /**
     * Books the next number of the slot in the channel's pool for a patient of the caller's scope.
     *
     * @param referralRef the referral the booking is made for: needed by the REFERRAL pool and by
     *     sessions that require a referral (MDT)
     * @throws BookingException 404 for an unknown slot or patient, 409 when the pool is full or not
     *     yet released, the session is stopped or the patient is not eligible or over a limit
     */
    @Transactional
    public Booking book(long slotId, long patientId, Channel channel, String idempotencyKey, String referralRef) {
        if (idempotencyKey != null) {
            Optional<AppointmentView> existing = byKey(idempotencyKey);
            if (existing.isPresent()) {
                return new Booking(existing.get(), false);
            }
        }
        if (channel == Channel.ADD_ON) {
            throw new BookingException(HttpStatus.BAD_REQUEST, "channel", "加号须由医生在诊间办理 / add-on numbers are given by the doctor");
        }
        StaffPrincipal user = CurrentUser.get();
        // in a release storm most requests find the pool already full: say so before any other work
        // (the conditional UPDATE in take() stays the only authority on taking a number)
        if (fullPools.knownFull(slotId, channel)) {
            throw poolFull(channel);
        }
        // the pool's id comes with the answer, so take() need not look it up while holding locks
        Long openPool = jdbc.sql("SELECT id FROM slot_pool WHERE slot_id = :s AND channel = :c AND booked < capacity AND release_at <= :now")
                .param("now", utc(clock.instant())).param("s", slotId).param("c", channel.name())
                .query(Long.class).optional().orElse(null);
        if (openPool == null) {
            fullPools.full(slotId, channel);
            throw poolFull(channel);
        }
        PatientInfo patient = patientInScope(patientId);
        SlotInfo slot = slot(slotId).filter(s -> s.communityId() == user.communityId())
                .orElseThrow(() -> new BookingException(HttpStatus.NOT_FOUND, "slotId", "号源不存在 / unknown slot"));
        return new Booking(take(slot, patient, channel, idempotencyKey, referralRef, user.username(), null, openPool), true);
    }

    /** A patient the caller may book for. */
    PatientInfo patientInScope(long patientId) {
        var scope = CurrentUser.get().scope();
        return jdbc.sql("SELECT p.id, p.birth_date, p.sex FROM patient p JOIN institution i ON i.id = p.institution_id "
                        + "WHERE p.id = :p AND " + scope.sql("i"))
                .param("p", patientId).params(scope.params())
                .query((rs, n) -> new PatientInfo(rs.getLong("id"), rs.getDate("birth_date").toLocalDate(), rs.getString("sex")))
                .optional()
                .orElseThrow(() -> new BookingException(HttpStatus.NOT_FOUND, "patientId", "患者不存在或无权访问 / unknown patient"));
    }

    PatientInfo patient(long patientId) {
        return jdbc.sql("SELECT id, birth_date, sex FROM patient WHERE id = :p").param("p", patientId)
                .query((rs, n) -> new PatientInfo(rs.getLong("id"), rs.getDate("birth_date").toLocalDate(), rs.getString("sex")))
                .single();
    }

    Optional<SlotInfo> slot(long slotId) {
        return jdbc.sql("""
                        SELECT s.id, s.session_id, s.starts_at, s.ends_at, s.capacity, cs.status, cs.institution_id, cs.department_id,
                               cs.doctor_id, cs.session_date, cs.min_age, cs.max_age, cs.sex, cs.referral_required, i.community_id
                          FROM slot s JOIN clinic_session cs ON cs.id = s.session_id JOIN institution i ON i.id = cs.institution_id
                         WHERE s.id = :s""")
                .param("s", slotId)
                .query((rs, n) -> {
                    long doctor = rs.getLong("doctor_id");
                    Long doctorId = rs.wasNull() ? null : doctor;
                    int min = rs.getInt("min_age");
                    Integer minAge = rs.wasNull() ? null : min;
                    int max = rs.getInt("max_age");
                    Integer maxAge = rs.wasNull() ? null : max;
                    return new SlotInfo(rs.getLong("id"), rs.getLong("session_id"), rs.getLong("institution_id"),
                            rs.getLong("community_id"), rs.getLong("department_id"), doctorId,
                            rs.getDate("session_date").toLocalDate(), rs.getString("status"), instant(rs, "starts_at"),
                            instant(rs, "ends_at"), rs.getInt("capacity"),
                            new Eligibility(minAge, maxAge, rs.getString("sex"), rs.getBoolean("referral_required")));
                })
                .optional();
    }

    /**
     * Takes a number for a patient: the checks that do not depend on who asks (session open, not
     * started, eligibility, limits), then the pool's count, the slot's sequence number and the
     * appointment row, all in the caller's transaction.
     *
     * @param replacing an appointment being rescheduled, not counted against the limits
     */
    AppointmentView take(SlotInfo slot, PatientInfo patient, Channel channel, String idempotencyKey, String referralRef,
                         String actor, Long replacing) {
        return take(slot, patient, channel, idempotencyKey, referralRef, actor, replacing, null);
    }

    /** @param knownPool the channel's pool of the slot when the caller has just read it, else null */
    private AppointmentView take(SlotInfo slot, PatientInfo patient, Channel channel, String idempotencyKey, String referralRef,
                                 String actor, Long replacing, Long knownPool) {
        if (!"OPEN".equals(slot.sessionStatus())) {
            throw new BookingException(HttpStatus.CONFLICT, "slotId", "该出诊已停诊 / the session was stopped");
        }
        Instant now = clock.instant();
        if (!now.isBefore(slot.start())) {
            throw new BookingException(HttpStatus.CONFLICT, "slotId", "该时段已开始，不能再预约 / the slot has started");
        }
        slot.eligibility().check(patient.birthDate(), patient.sex(), slot.date(), channel, referralRef);
        if (channel != Channel.ADD_ON) {
            // 爽约处罚: 409 while a no-show penalty applies here (a doctor's add-on number overrides it)
            penalties.assertMayBook(patient.id(), slot.institutionId(), slot.departmentId());
        }
        limits.check(patient.id(), slot, replacing, now);
        // the pool, looked up before any row is locked: from here to the commit every statement holds
        // the pool's and the slot's row locks, so there are as few as possible
        Long poolId = knownPool != null ? knownPool : jdbc.sql("SELECT id FROM slot_pool WHERE slot_id = :s AND channel = :c")
                .param("s", slot.id()).param("c", channel.name()).query(Long.class).optional().orElse(null);
        if (poolId == null) {
            fullPools.full(slot.id(), channel);
            throw poolFull(channel);
        }
        // the pool's number: atomic, never beyond its capacity, never before its release
        int taken = jdbc.sql("UPDATE slot_pool SET booked = booked + 1 WHERE id = :pool AND booked < capacity AND release_at <= :now")
                .param("pool", poolId).param("now", utc(now)).update();
        if (taken != 1) {
            fullPools.full(slot.id(), channel);
            throw poolFull(channel);
        }
        // the slot's next sequence number, under the slot row's lock, read back by the same statement
        var counter = new org.springframework.jdbc.support.GeneratedKeyHolder();
        jdbc.sql("UPDATE slot SET next_number = next_number + 1 WHERE id = :s").param("s", slot.id()).update(counter, "next_number");
        int number = counter.getKey().intValue() - 1;
        // 建议就诊时间: numbers spread evenly over the window; add-on numbers beyond it come last
        int capacity = Math.max(1, slot.capacity());
        Duration step = Duration.between(slot.start(), slot.end()).dividedBy(capacity);
        Instant suggested = slot.start().plus(step.multipliedBy(Math.min(number - 1, capacity - 1)));
        var keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
        try {
            jdbc.sql("""
                            INSERT INTO appointment (slot_id, pool_id, patient_id, channel, sequence_number, suggested_at, status,
                                                     idempotency_key, booked_by, booked_at, referral_ref)
                            VALUES (:s, :pool, :p, :c, :n, :suggested, 'BOOKED', :key, :by, :now, :ref)""")
                    .param("s", slot.id()).param("pool", poolId).param("p", patient.id()).param("c", channel.name())
                    .param("n", number).param("suggested", utc(suggested)).param("key", idempotencyKey, java.sql.Types.VARCHAR)
                    .param("by", actor).param("now", utc(now)).param("ref", referralRef, java.sql.Types.VARCHAR)
                    .update(keys, "id");
        } catch (DuplicateKeyException e) {
            // the same idempotency key raced in on another connection: this transaction rolls back its count
            throw new ReplayedException(idempotencyKey);
        }
        long id = keys.getKey().longValue();
        audit.record(AuditAction.CREATE, "appointment", id, patient.id(), "slot " + slot.id() + " no. " + number + " " + channel);
        return new AppointmentView(id, slot.id(), patient.id(), channel, number, suggested, "BOOKED", now);
    }

    static BookingException poolFull(Channel channel) {
        return new PoolFullException(channel);
    }

    /** The channel's pool of the slot has no released number left. */
    static final class PoolFullException extends BookingException {
        PoolFullException(Channel channel) {
            super(HttpStatus.CONFLICT, "slotId",
                    "该时段 " + channel + " 渠道号源已满或尚未放号 / no number left (or not yet released) in this channel's pool");
        }

        /** An expected answer, thousands of times a second in a storm: no stack trace to fill. */
        @Override
        public synchronized Throwable fillInStackTrace() {
            return this;
        }
    }

    /**
     * What a booking request can be answered with before any transaction: the appointment a replayed
     * {@code Idempotency-Key} already made, or "full" for a pool just seen full (see {@link FullPools}).
     * In a release storm this answers most requests with one indexed read, or none; everything else
     * goes on to {@link #book}.
     *
     * @return the earlier booking of this key, if any
     * @throws PoolFullException when the pool is known to be full
     */
    public Optional<Booking> answerWithoutTransaction(long slotId, Channel channel, String idempotencyKey) {
        if (idempotencyKey != null) {
            Optional<AppointmentView> existing = byKey(idempotencyKey);
            if (existing.isPresent()) {
                return Optional.of(new Booking(existing.get(), false));
            }
        }
        if (fullPools.knownFull(slotId, channel)) {
            throw poolFull(channel);
        }
        return Optional.empty();
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
        release(((Number) a.get("pool_id")).longValue(), Channel.valueOf((String) a.get("channel")));
        long patientId = ((Number) a.get("patient_id")).longValue();
        audit.record(AuditAction.UPDATE, "appointment", appointmentId, patientId, "cancelled");
        events.publishEvent(new AppointmentCancelledByPatient(appointmentId, patientId, now)); // counted by the no-show policy
        waitlist.promote(sessionOfSlot(((Number) a.get("slot_id")).longValue()));
    }

    /** Gives a number back to its pool; an add-on number is not planned capacity, so it goes with it. */
    void release(long poolId, Channel channel) {
        jdbc.sql("SELECT slot_id FROM slot_pool WHERE id = :p").param("p", poolId).query(Long.class).optional()
                .ifPresent(fullPools::freed);
        jdbc.sql(channel == Channel.ADD_ON ? "UPDATE slot_pool SET booked = booked - 1, capacity = capacity - 1 WHERE id = :pool"
                : "UPDATE slot_pool SET booked = booked - 1 WHERE id = :pool").param("pool", poolId).update();
    }

    long sessionOfSlot(long slotId) {
        return jdbc.sql("SELECT session_id FROM slot WHERE id = :s").param("s", slotId).query(Long.class).single();
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
