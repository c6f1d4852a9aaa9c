package org.openhqd.platform.appointments;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.openhqd.platform.audit.AuditAction;
import org.openhqd.platform.audit.AuditLog;
import org.openhqd.platform.security.CurrentUser;
import org.openhqd.platform.security.StaffPrincipal;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * 候补: patients waiting for a number of a full session. When a number of the session frees up
 * (a cancellation, a reschedule, reserved numbers returned to the public pool) the first waiting
 * patient whose channel has a free number is booked automatically, in the same transaction as the
 * change that freed it, and told so by a notice. A waiting patient who can no longer be booked
 * (a limit, the session stopped) is skipped with the reason and the next one is tried.
 */
@Service
public class Waitlist {

    private final JdbcClient jdbc;
    private final Appointments appointments;
    private final PatientNotices notices;
    private final AuditLog audit;
    private final Clock clock;
    private final TransactionTemplate savepoint;

    Waitlist(JdbcClient jdbc, Appointments appointments, PatientNotices notices, AuditLog audit, Clock clock,
             PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.appointments = appointments;
        this.notices = notices;
        this.audit = audit;
        this.clock = clock;
        this.savepoint = new TransactionTemplate(transactions);
        // each promotion attempt in a savepoint: a refused one leaves the surrounding change intact
        this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
    }

    /** A waitlist entry as shown to staff. */
    public record Entry(long id, long sessionId, long patientId, Channel channel, String status, Long appointmentId,
                        String reason, Instant createdAt) {
    }

    /**
     * Puts a patient of the caller's scope on the waitlist of a session of the caller's community.
     *
     * @throws Appointments.BookingException 409 when the session still has numbers in the channel
     *     (book instead), has started or was stopped, the patient waits already, or is not eligible
     */
    @Transactional
    public Entry join(long sessionId, long patientId, Channel channel, String referralRef) {
        StaffPrincipal user = CurrentUser.get();
        Appointments.PatientInfo patient = appointments.patientInScope(patientId);
        var session = jdbc.sql("""
                        SELECT cs.status, cs.session_date, cs.min_age, cs.max_age, cs.sex, cs.referral_required, i.community_id,
                               (SELECT MAX(s.starts_at) FROM slot s WHERE s.session_id = cs.id) AS last_start
                          FROM clinic_session cs JOIN institution i ON i.id = cs.institution_id WHERE cs.id = :id""")
                .param("id", sessionId).query().listOfRows().stream().findFirst()
                .filter(r -> ((Number) r.get("community_id")).longValue() == user.communityId())
                .orElseThrow(() -> new Appointments.BookingException(HttpStatus.NOT_FOUND, "sessionId", "出诊不存在 / unknown session"));
        if (!"OPEN".equals(session.get("status"))) {
            throw new Appointments.BookingException(HttpStatus.CONFLICT, "sessionId", "该出诊已停诊 / the session was stopped");
        }
        Instant lastStart = timestamp(session.get("last_start"));
        if (lastStart == null || !clock.instant().isBefore(lastStart)) {
            throw new Appointments.BookingException(HttpStatus.CONFLICT, "sessionId", "该出诊已开始 / the session has started");
        }
        Eligibility eligibility = new Eligibility(integer(session.get("min_age")), integer(session.get("max_age")),
                (String) session.get("sex"), Boolean.TRUE.equals(session.get("referral_required")));
        LocalDate date = date(session.get("session_date"));
        eligibility.check(patient.birthDate(), patient.sex(), date, channel, referralRef);
        if (freeSlot(sessionId, channel).isPresent()) {
            throw new Appointments.BookingException(HttpStatus.CONFLICT, "sessionId",
                    "该出诊仍有可预约号源，请直接预约 / numbers are still free in this channel: book one");
        }
        long waiting = jdbc.sql("SELECT COUNT(*) FROM waitlist_entry WHERE session_id = :s AND patient_id = :p AND status = 'WAITING'")
                .param("s", sessionId).param("p", patientId).query(Long.class).single();
        if (waiting > 0) {
            throw new Appointments.BookingException(HttpStatus.CONFLICT, "patientId", "该患者已在候补中 / the patient is already waiting");
        }
        var keys = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO waitlist_entry (session_id, patient_id, channel, referral_ref, status, created_by, created_at) "
                        + "VALUES (:s, :p, :c, :ref, 'WAITING', :by, :now)")
                .param("s", sessionId).param("p", patientId).param("c", channel.name()).param("ref", referralRef, java.sql.Types.VARCHAR)
                .param("by", user.username()).param("now", Appointments.utc(clock.instant())).update(keys, "id");
        long id = keys.getKey().longValue();
        audit.record(AuditAction.CREATE, "waitlist_entry", id, patientId, "session " + sessionId + " " + channel);
        return find(id).orElseThrow();
    }

    /** Leaves the waitlist (patient in the caller's scope). */
    @Transactional
    public void leave(long entryId) {
        Entry e = find(entryId).orElseThrow(() -> notFound());
        appointments.patientInScope(e.patientId());
        int n = jdbc.sql("UPDATE waitlist_entry SET status = 'CANCELLED', closed_at = :now WHERE id = :id AND status = 'WAITING'")
                .param("now", Appointments.utc(clock.instant())).param("id", entryId).update();
        if (n != 1) {
            throw new Appointments.BookingException(HttpStatus.CONFLICT, "id", "该候补已结束 / the entry is no longer waiting");
        }
        audit.record(AuditAction.UPDATE, "waitlist_entry", entryId, e.patientId(), "cancelled");
    }

    /** The waitlist of a session, in order, for patients in the caller's scope (each read audited). */
    @Transactional
    public List<Entry> of(long sessionId) {
        StaffPrincipal user = CurrentUser.get();
        var scope = user.scope();
        boolean inCommunity = jdbc.sql("SELECT COUNT(*) FROM clinic_session cs JOIN institution i ON i.id = cs.institution_id "
                        + "WHERE cs.id = :s AND (:c < 0 OR i.community_id = :c)")
                .param("s", sessionId).param("c", scope.communityParam()).query(Long.class).single() > 0;
        if (!inCommunity) {
            throw new Appointments.BookingException(HttpStatus.NOT_FOUND, "sessionId", "出诊不存在 / unknown session");
        }
        List<Entry> entries = jdbc.sql("SELECT w.* FROM waitlist_entry w JOIN patient p ON p.id = w.patient_id JOIN institution i "
                        + "ON i.id = p.institution_id WHERE w.session_id = :s AND " + scope.sql("i") + " ORDER BY w.id")
                .param("s", sessionId).params(scope.params()).query(Waitlist::entry).list();
        entries.forEach(e -> audit.record(AuditAction.READ, "waitlist_entry", e.id(), e.patientId(), "listed"));
        return entries;
    }

    /**
     * Books the first waiting patients of a session into its freed numbers, each in a savepoint,
     * inside the caller's transaction.
     *
     * @return how many were booked
     */
    int promote(long sessionId) {
        List<Entry> waiting = jdbc.sql("SELECT * FROM waitlist_entry WHERE session_id = :s AND status = 'WAITING' ORDER BY id")
                .param("s", sessionId).query(Waitlist::entry).list();
        int booked = 0;
        for (Entry e : waiting) {
            Optional<Long> slotId = freeSlot(sessionId, e.channel());
            if (slotId.isEmpty()) {
                continue;   // nothing free in this patient's channel; a later patient may use another channel
            }
            Appointments.SlotInfo slot = appointments.slot(slotId.get()).orElseThrow();
            String referral = jdbc.sql("SELECT referral_ref FROM waitlist_entry WHERE id = :id").param("id", e.id())
                    .query(String.class).optional().orElse(null);
            try {
                AppointmentView a = savepoint.execute(s -> appointments.take(slot, appointments.patient(e.patientId()), e.channel(),
                        null, referral, "system:waitlist", null));
                jdbc.sql("UPDATE waitlist_entry SET status = 'PROMOTED', appointment_id = :a, closed_at = :now WHERE id = :id")
                        .param("a", a.id()).param("now", Appointments.utc(clock.instant())).param("id", e.id()).update();
                notices.notify(e.patientId(), a.id(), "WAITLIST_PROMOTED", "您候补的号源已预约成功：第 " + a.sequenceNumber()
                        + " 号，建议就诊时间 " + a.suggestedAt().atZone(Appointments.CHINA).toLocalDateTime().toString().replace('T', ' ')
                        + "。/ Your waitlisted appointment is booked.");
                audit.recordSystem(AuditAction.UPDATE, "waitlist_entry", e.id(), e.patientId(), "promoted to appointment " + a.id());
                booked++;
            } catch (Appointments.PoolFullException raced) {
                continue;   // taken meanwhile by a direct booking: this patient keeps waiting
            } catch (Appointments.BookingException refused) {
                String reason = String.valueOf(refused.getBody().getDetail());
                jdbc.sql("UPDATE waitlist_entry SET status = 'EXPIRED', reason = :r, closed_at = :now WHERE id = :id")
                        .param("r", reason.length() > 255 ? reason.substring(0, 255) : reason)
                        .param("now", Appointments.utc(clock.instant())).param("id", e.id()).update();
                audit.recordSystem(AuditAction.UPDATE, "waitlist_entry", e.id(), e.patientId(), "skipped: " + reason);
            }
        }
        return booked;
    }

    /** Closes the waiting entries of sessions that have started. */
    int expireStarted(Instant now) {
        return jdbc.sql("""
                        UPDATE waitlist_entry SET status = 'EXPIRED', reason = '出诊已开始 / the session started', closed_at = :now
                         WHERE status = 'WAITING'
                           AND session_id IN (SELECT cs.id FROM clinic_session cs
                                               WHERE cs.status <> 'OPEN' OR (SELECT MAX(s.starts_at) FROM slot s WHERE s.session_id = cs.id) <= :now)""")
                .param("now", Appointments.utc(now)).update();
    }

    /** The earliest future slot of the session with a released, free number in the channel. */
    private Optional<Long> freeSlot(long sessionId, Channel channel) {
        return jdbc.sql("""
                        SELECT s.id FROM slot s JOIN slot_pool p ON p.slot_id = s.id AND p.channel = :c
                         WHERE s.session_id = :s AND s.starts_at > :now AND p.booked < p.capacity AND p.release_at <= :now
                         ORDER BY s.starts_at LIMIT 1""")
                .param("c", channel.name()).param("s", sessionId).param("now", Appointments.utc(clock.instant()))
                .query(Long.class).optional();
    }

    private Optional<Entry> find(long id) {
        return jdbc.sql("SELECT * FROM waitlist_entry WHERE id = :id").param("id", id).query(Waitlist::entry).optional();
    }

    private static Appointments.BookingException notFound() {
        return new Appointments.BookingException(HttpStatus.NOT_FOUND, "id", "候补不存在或无权访问 / unknown waitlist entry");
    }

    private static Entry entry(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        long a = rs.getLong("appointment_id");
        Long appointment = rs.wasNull() ? null : a;
        return new Entry(rs.getLong("id"), rs.getLong("session_id"), rs.getLong("patient_id"), Channel.valueOf(rs.getString("channel")),
                rs.getString("status"), appointment, rs.getString("reason"), rs.getTimestamp("created_at").toInstant());
    }

    private static Instant timestamp(Object o) {
        if (o == null) {
            return null;
        }
        if (o instanceof java.sql.Timestamp t) {
            return t.toInstant();
        }
        if (o instanceof java.time.OffsetDateTime t) {
            return t.toInstant();
        }
        throw new IllegalStateException("unexpected time type " + o.getClass());
    }

    private static LocalDate date(Object o) {
        return o instanceof java.sql.Date d ? d.toLocalDate() : (LocalDate) o;
    }

    private static Integer integer(Object o) {
        return o == null ? null : ((Number) o).intValue();
    }
}
