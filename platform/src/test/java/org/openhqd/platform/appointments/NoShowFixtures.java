package org.openhqd.platform.appointments;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Sessions, slots and appointments inserted directly, at any time (booking refuses the past), for
 * the no-show policy tests. Each test uses its own patients (offsets 200+ at H001, 10+ at townships)
 * so tests sharing the demo context do not count each other's events.
 */
final class NoShowFixtures {

    private final JdbcClient jdbc;

    NoShowFixtures(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long institution(String code) {
        return jdbc.sql("SELECT id FROM institution WHERE code = :c").param("c", code).query(Long.class).single();
    }

    /** The n-th department (by id) of an institution. */
    long department(String institutionCode, int n) {
        return jdbc.sql("SELECT id FROM department WHERE institution_id = :i ORDER BY id LIMIT 1 OFFSET " + n)
                .param("i", institution(institutionCode)).query(Long.class).single();
    }

    long patient(String institutionCode, int offset) {
        return jdbc.sql("SELECT p.id FROM patient p JOIN institution i ON i.id = p.institution_id WHERE i.code = :c "
                + "ORDER BY p.id LIMIT 1 OFFSET " + offset).param("c", institutionCode).query(Long.class).single();
    }

    /** An open session with one 30-minute slot starting at {@code start}, its APP pool of 3 released 30 days before. */
    long slot(String institutionCode, long department, Instant start) {
        OffsetDateTime s = OffsetDateTime.ofInstant(start, ZoneOffset.UTC);
        jdbc.sql("INSERT INTO clinic_session (institution_id, department_id, session_date, block, clinic_type, status, created_at) "
                        + "VALUES (:h, :d, :date, 'MORNING', 'GENERAL', 'OPEN', :now)")
                .param("h", institution(institutionCode)).param("d", department)
                .param("date", start.atZone(NoShowRule.CHINA).toLocalDate()).param("now", s.minusDays(8)).update();
        long session = jdbc.sql("SELECT MAX(id) FROM clinic_session").query(Long.class).single();
        jdbc.sql("INSERT INTO slot (session_id, starts_at, ends_at, capacity, next_number) VALUES (:s, :a, :b, 6, 1)")
                .param("s", session).param("a", s).param("b", s.plusMinutes(30)).update();
        long slot = jdbc.sql("SELECT MAX(id) FROM slot").query(Long.class).single();
        jdbc.sql("INSERT INTO slot_pool (slot_id, channel, capacity, booked, release_at) VALUES (:s, 'APP', 3, 0, :r)")
                .param("s", slot).param("r", s.minusDays(30)).update();
        return slot;
    }

    /** An appointment in a new slot, with the given status; {@code cancelledAt} for cancellations. */
    long appointment(String institutionCode, long department, long patient, Instant slotStart, String status, Instant cancelledAt) {
        long slot = slot(institutionCode, department, slotStart);
        long pool = jdbc.sql("SELECT id FROM slot_pool WHERE slot_id = :s").param("s", slot).query(Long.class).single();
        boolean holdsNumber = status.equals("BOOKED") || status.equals("CHECKED_IN");
        if (holdsNumber) {
            jdbc.sql("UPDATE slot_pool SET booked = 1 WHERE id = :p").param("p", pool).update();
        }
        jdbc.sql("UPDATE slot SET next_number = 2 WHERE id = :s").param("s", slot).update();
        OffsetDateTime start = OffsetDateTime.ofInstant(slotStart, ZoneOffset.UTC);
        jdbc.sql("""
                        INSERT INTO appointment (slot_id, pool_id, patient_id, channel, sequence_number, suggested_at, status, booked_by,
                                                 booked_at, cancelled_at, no_show_at)
                        VALUES (:s, :p, :pt, 'APP', 1, :a, :st, 'test', :booked, :cancelled, :noshow)""")
                .param("s", slot).param("p", pool).param("pt", patient).param("a", start).param("st", status)
                .param("booked", start.minusDays(3))
                .param("cancelled", cancelledAt == null ? null : OffsetDateTime.ofInstant(cancelledAt, ZoneOffset.UTC),
                        java.sql.Types.TIMESTAMP_WITH_TIMEZONE)
                .param("noshow", status.equals("NO_SHOW") ? start.plusHours(1) : null, java.sql.Types.TIMESTAMP_WITH_TIMEZONE)
                .update();
        return jdbc.sql("SELECT MAX(id) FROM appointment").query(Long.class).single();
    }

    long noShow(String institutionCode, long department, long patient, Instant slotStart) {
        return appointment(institutionCode, department, patient, slotStart, "NO_SHOW", null);
    }

    long cancelled(String institutionCode, long department, long patient, Instant slotStart, Instant cancelledAt) {
        return appointment(institutionCode, department, patient, slotStart, "CANCELLED", cancelledAt);
    }

    long penalties(long patient) {
        return jdbc.sql("SELECT COUNT(*) FROM no_show_penalty WHERE patient_id = :p").param("p", patient).query(Long.class).single();
    }
}
