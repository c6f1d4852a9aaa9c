package org.openhqd.platform.outpatient;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Inserts clinic sessions, slots, pools and appointments directly (booking refuses the past), with
 * times given in Beijing time, for hand-computed indicator fixtures.
 */
public final class OutpatientFixture {

    static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    private final JdbcClient jdbc;
    private int patientOffset;

    public OutpatientFixture(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public long institution(String code) {
        return jdbc.sql("SELECT id FROM institution WHERE code = :c").param("c", code).query(Long.class).single();
    }

    public long department(String institutionCode, String code) {
        return jdbc.sql("SELECT d.id FROM department d JOIN institution i ON i.id = d.institution_id WHERE i.code = :i AND d.code = :c")
                .param("i", institutionCode).param("c", code).query(Long.class).single();
    }

    public long session(long institution, long department, Long doctor, LocalDate date, String status) {
        jdbc.sql("INSERT INTO clinic_session (institution_id, department_id, doctor_id, session_date, block, clinic_type, status, "
                        + "created_at) VALUES (:i, :d, :doc, :date, 'MORNING', 'GENERAL', :st, CURRENT_TIMESTAMP)")
                .param("i", institution).param("d", department).param("doc", doctor, java.sql.Types.BIGINT).param("date", date)
                .param("st", status).update();
        return jdbc.sql("SELECT MAX(id) FROM clinic_session").query(Long.class).single();
    }

    /** A 30-minute slot starting at {@code start} Beijing time. */
    public long slot(long session, LocalDateTime start) {
        OffsetDateTime s = start.atZone(CHINA).toOffsetDateTime();
        jdbc.sql("INSERT INTO slot (session_id, starts_at, ends_at, capacity, next_number) VALUES (:s, :a, :b, 10, 1)")
                .param("s", session).param("a", s).param("b", s.plusMinutes(30)).update();
        return jdbc.sql("SELECT MAX(id) FROM slot").query(Long.class).single();
    }

    public long pool(long slot, String channel, int capacity, boolean released) {
        OffsetDateTime release = released ? OffsetDateTime.parse("2000-01-01T00:00:00Z") : OffsetDateTime.parse("2099-01-01T00:00:00Z");
        jdbc.sql("INSERT INTO slot_pool (slot_id, channel, capacity, booked, release_at) VALUES (:s, :c, :n, 0, :r)")
                .param("s", slot).param("c", channel).param("n", capacity).param("r", release).update();
        return jdbc.sql("SELECT MAX(id) FROM slot_pool").query(Long.class).single();
    }

    /** An appointment in the pool with the given status and Beijing times (null: not recorded). */
    public long appointment(long slot, long pool, String channel, String status, LocalDateTime arrived, LocalDateTime called) {
        int number = jdbc.sql("SELECT COUNT(*) FROM appointment WHERE slot_id = :s").param("s", slot).query(Integer.class).single() + 1;
        long patient = jdbc.sql("SELECT id FROM patient ORDER BY id LIMIT 1 OFFSET " + (1000 + patientOffset++)).query(Long.class).single();
        jdbc.sql("""
                        INSERT INTO appointment (slot_id, pool_id, patient_id, channel, sequence_number, suggested_at, status, booked_by,
                                                 booked_at, arrived_at, called_at, seen_at)
                        VALUES (:s, :p, :pt, :c, :n, (SELECT starts_at FROM slot WHERE id = :s), :st, 'fixture', :booked, :arr, :call, :seen)""")
                .param("s", slot).param("p", pool).param("pt", patient).param("c", channel).param("n", number).param("st", status)
                .param("booked", OffsetDateTime.parse("2000-01-01T00:00:00Z"))
                .param("arr", beijing(arrived), java.sql.Types.TIMESTAMP_WITH_TIMEZONE)
                .param("call", beijing(called), java.sql.Types.TIMESTAMP_WITH_TIMEZONE)
                .param("seen", "SEEN".equals(status) && called != null ? beijing(called.plusMinutes(5)) : null,
                        java.sql.Types.TIMESTAMP_WITH_TIMEZONE)
                .update();
        return jdbc.sql("SELECT MAX(id) FROM appointment").query(Long.class).single();
    }

    static OffsetDateTime beijing(LocalDateTime t) {
        return t == null ? null : t.atZone(CHINA).toOffsetDateTime();
    }
}
