package org.openhqd.platform.appointments;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.openhqd.platform.audit.AuditAction;
import org.openhqd.platform.audit.AuditLog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Generates sessions, slots and pools from the active templates ahead of time (号源生成): every
 * template date up to its release horizon that is not a holiday and has no session yet. Each
 * session is made in its own transaction, so the run can be repeated at any time (the unique
 * template/date index turns a second run, or a second node, into a no-op) and one clash — the doctor
 * is already in an MDT session that block — does not stop the rest.
 */
@Service
public class SlotGenerator {

    private static final Logger log = LoggerFactory.getLogger(SlotGenerator.class);

    private final ScheduleTemplates templates;
    private final SessionFactory factory;
    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final AuditLog audit;
    private final Clock clock;

    SlotGenerator(ScheduleTemplates templates, SessionFactory factory, JdbcClient jdbc, TransactionTemplate tx, AuditLog audit,
                  Clock clock) {
        this.templates = templates;
        this.factory = factory;
        this.jdbc = jdbc;
        this.tx = tx;
        this.audit = audit;
        this.clock = clock;
    }

    /** What one run did. */
    public record Run(int created, int existing, int holidays, List<String> clashes) {
    }

    /** Generates from today (China time) to each template's horizon: its release days plus the earliest pool opening, plus one. */
    public Run generate() {
        LocalDate today = LocalDate.now(clock.withZone(Appointments.CHINA));
        return generate(today, null);
    }

    /**
     * Generates template sessions on the dates from {@code from} to {@code until} (inclusive; null: each
     * template's own horizon).
     */
    public Run generate(LocalDate from, LocalDate until) {
        LocalDate today = LocalDate.now(clock.withZone(Appointments.CHINA));
        int created = 0;
        int existing = 0;
        int holidays = 0;
        List<String> clashes = new ArrayList<>();
        for (ScheduleTemplate t : templates.allActive()) {
            int earliest = t.pools().stream().mapToInt(ScheduleTemplate.Pool::releaseDaysEarlier).max().orElse(0);
            LocalDate last = until != null ? until : today.plusDays(t.releaseDays() + earliest + 1L);
            for (LocalDate d = from; !d.isAfter(last); d = d.plusDays(1)) {
                if (!t.runsOn(d)) {
                    continue;
                }
                if (hasSession(t.id(), d)) {
                    existing++;
                    continue;
                }
                if (isHoliday(t.institutionId(), d)) {
                    holidays++;
                    continue;
                }
                SessionPlan plan = plan(t, d);
                try {
                    tx.executeWithoutResult(s -> factory.open(plan));
                    created++;
                } catch (DuplicateKeyException e) {
                    existing++;   // another run made it first
                } catch (SessionFactory.ParticipantBusyException e) {
                    clashes.add("template " + t.id() + " " + d + " " + t.block());
                }
            }
        }
        if (created > 0 || !clashes.isEmpty()) {
            log.info("号源生成：新建 {} 个出诊，已有 {}，节假日 {}，冲突 {} / slot generation", created, existing, holidays, clashes.size());
            String detail = "generated " + created + " sessions; clashes " + clashes;
            tx.executeWithoutResult(s -> audit.recordSystem(AuditAction.CREATE, "clinic_session", null, null, detail));
        }
        return new Run(created, existing, holidays, clashes);
    }

    /** The session a template holds on a date: release and return times follow from the date. */
    static SessionPlan plan(ScheduleTemplate t, LocalDate date) {
        Instant publicRelease = date.minusDays(t.releaseDays()).atTime(t.releaseTime()).atZone(Appointments.CHINA).toInstant();
        List<SessionPlan.PoolPlan> pools = t.pools().stream().filter(p -> p.numbers() > 0).map(p -> new SessionPlan.PoolPlan(
                p.channel(), p.numbers(), publicRelease.minus(java.time.Duration.ofDays(p.releaseDaysEarlier())),
                p.returnDays() == null ? null
                        : date.minusDays(p.returnDays()).atTime(p.returnTime()).atZone(Appointments.CHINA).toInstant(),
                p.returnDays() == null ? null : ScheduleTemplates.PUBLIC_CHANNEL)).toList();
        List<SessionPlan.Participant> people = t.doctorId() == null ? List.of()
                : List.of(new SessionPlan.Participant(t.doctorId(), "出诊医生"));
        return new SessionPlan(t.institutionId(), t.departmentId(), t.doctorId(), t.id(), "REGULAR", date, t.block(), t.start(),
                t.end(), t.clinicType(), t.slotMinutes(), t.numbersPerSlot(), pools, t.eligibility(), t.campus(), t.room(), people);
    }

    private boolean hasSession(long template, LocalDate date) {
        return jdbc.sql("SELECT COUNT(*) FROM clinic_session WHERE template_id = :t AND session_date = :d")
                .param("t", template).param("d", date).query(Long.class).single() > 0;
    }

    private boolean isHoliday(long institution, LocalDate date) {
        return jdbc.sql("""
                        SELECT COUNT(*) FROM holiday h JOIN institution i ON i.community_id = h.community_id
                         WHERE i.id = :i AND h.holiday_date = :d AND (h.institution_id IS NULL OR h.institution_id = i.id)""")
                .param("i", institution).param("d", date).query(Long.class).single() > 0;
    }
}
