package org.openhqd.platform.appointments;

import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Opens a session from a plan: the session row, everyone it needs (each in one place per block, by a
 * unique constraint, so a clash rolls the whole session back), its slots of {@code slotMinutes}
 * with {@code numbersPerSlot} numbers, and each slot's channel pools.
 */
@Component
class SessionFactory {

    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final Clock clock;

    SessionFactory(JdbcClient jdbc, JdbcTemplate template, Clock clock) {
        this.jdbc = jdbc;
        this.template = template;
        this.clock = clock;
    }

    /** A participant is already in another session of the same block. */
    static final class ParticipantBusyException extends Appointments.BookingException {
        ParticipantBusyException() {
            super(HttpStatus.CONFLICT, "participants",
                    "有医生在该时段已有其他出诊 / a participant already has a session in this block");
        }
    }

    /**
     * @return the new session's id
     * @throws ParticipantBusyException when someone the session needs is elsewhere in that block
     */
    @Transactional(propagation = Propagation.MANDATORY)
    long open(SessionPlan plan) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                        INSERT INTO clinic_session (institution_id, department_id, doctor_id, session_date, block, clinic_type, status,
                                                    created_at, template_id, kind, campus, room, min_age, max_age, sex, referral_required)
                        VALUES (:h, :d, :doc, :date, :block, :type, 'OPEN', :now, :tpl, :kind, :campus, :room, :minAge, :maxAge, :sex, :ref)""")
                .param("h", plan.institutionId()).param("d", plan.departmentId())
                .param("doc", plan.doctorId(), java.sql.Types.BIGINT).param("date", plan.date()).param("block", plan.block().name())
                .param("type", plan.clinicType().name()).param("now", Appointments.utc(clock.instant()))
                .param("tpl", plan.templateId(), java.sql.Types.BIGINT).param("kind", plan.kind())
                .param("campus", plan.campus(), java.sql.Types.VARCHAR).param("room", plan.room(), java.sql.Types.VARCHAR)
                .param("minAge", plan.eligibility().minAge(), java.sql.Types.INTEGER)
                .param("maxAge", plan.eligibility().maxAge(), java.sql.Types.INTEGER)
                .param("sex", plan.eligibility().sex(), java.sql.Types.VARCHAR)
                .param("ref", plan.eligibility().referralRequired())
                .update(keys, "id");
        long session = keys.getKey().longValue();
        try {
            for (SessionPlan.Participant p : plan.participants()) {
                jdbc.sql("INSERT INTO session_participant (session_id, staff_id, session_date, block, role) VALUES (:s, :st, :d, :b, :r)")
                        .param("s", session).param("st", p.staffId()).param("d", plan.date()).param("b", plan.block().name())
                        .param("r", p.role()).update();
            }
        } catch (DuplicateKeyException e) {
            throw new ParticipantBusyException();
        }
        List<Object[]> pools = new ArrayList<>();
        ZonedDateTime start = plan.date().atTime(plan.start()).atZone(Appointments.CHINA);
        ZonedDateTime end = plan.date().atTime(plan.end()).atZone(Appointments.CHINA);
        Duration step = Duration.ofMinutes(plan.slotMinutes());
        for (ZonedDateTime t = start; t.isBefore(end); t = t.plus(step)) {
            ZonedDateTime slotEnd = t.plus(step).isAfter(end) ? end : t.plus(step);
            var slotKey = new GeneratedKeyHolder();
            jdbc.sql("INSERT INTO slot (session_id, starts_at, ends_at, capacity, next_number) VALUES (:s, :a, :b, :n, 1)")
                    .param("s", session).param("a", t.toOffsetDateTime()).param("b", slotEnd.toOffsetDateTime())
                    .param("n", plan.numbersPerSlot()).update(slotKey, "id");
            long slot = slotKey.getKey().longValue();
            for (SessionPlan.PoolPlan p : plan.pools()) {
                pools.add(new Object[] {slot, p.channel().name(), p.numbers(), Appointments.utc(p.releaseAt()),
                        p.returnAt() == null ? null : Appointments.utc(p.returnAt()),
                        p.returnTo() == null ? null : p.returnTo().name()});
            }
        }
        template.batchUpdate("INSERT INTO slot_pool (slot_id, channel, capacity, booked, release_at, return_at, return_to) "
                + "VALUES (?, ?, ?, 0, ?, ?, ?)", pools, new int[] {java.sql.Types.BIGINT, java.sql.Types.VARCHAR,
                java.sql.Types.INTEGER, java.sql.Types.TIMESTAMP_WITH_TIMEZONE, java.sql.Types.TIMESTAMP_WITH_TIMEZONE,
                java.sql.Types.VARCHAR});
        return session;
    }
}
