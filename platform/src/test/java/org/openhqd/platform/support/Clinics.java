package org.openhqd.platform.support;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Clinic sessions, slots, pools and appointments inserted directly, so that a test owns its
 * schedule (the demo pools have no CLINIC channel, and other tests book the demo slots).
 */
public final class Clinics {

    public static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    private final JdbcClient jdbc;

    public Clinics(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public long institution(String code) {
        return jdbc.sql("SELECT id FROM institution WHERE code = :c").param("c", code).query(Long.class).single();
    }

    public long department(String institutionCode, String departmentCode) {
        return jdbc.sql("SELECT d.id FROM department d JOIN institution i ON i.id = d.institution_id WHERE i.code = :i AND d.code = :d")
                .param("i", institutionCode).param("d", departmentCode).query(Long.class).single();
    }

    public long firstDepartment(long institution) {
        return jdbc.sql("SELECT MIN(id) FROM department WHERE institution_id = :i").param("i", institution).query(Long.class).single();
    }

    public long staff(String username) {
        return jdbc.sql("SELECT id FROM staff WHERE username = :u").param("u", username).query(Long.class).single();
    }

    /** A patient registered at the institution: the n-th from the end, clear of the demo tests' picks. */
    public long patient(String institutionCode, int n) {
        return jdbc.sql("SELECT p.id FROM patient p JOIN institution i ON i.id = p.institution_id WHERE i.code = :c "
                + "ORDER BY p.id DESC LIMIT 1 OFFSET " + n).param("c", institutionCode).query(Long.class).single();
    }

    public String name(long patient) {
        return jdbc.sql("SELECT name FROM patient WHERE id = :p").param("p", patient).query(String.class).single();
    }

    public String masked(long patient) {
        return jdbc.sql("SELECT id_number_masked FROM patient WHERE id = :p").param("p", patient).query(String.class).single();
    }

    /**
     * An open session with {@code slots} 30-minute slots of 6 numbers from {@code first}, each with
     * the given pools (channel → capacity) released a week ago; returns the slot ids.
     */
    public List<Long> session(long institution, long department, Long doctor, LocalDate date, LocalTime first, int slots,
                              Map<String, Integer> pools) {
        OffsetDateTime now = OffsetDateTime.now();
        jdbc.sql("INSERT INTO clinic_session (institution_id, department_id, doctor_id, session_date, block, clinic_type, status, created_at) "
                        + "VALUES (:h, :d, :doc, :date, :block, 'GENERAL', 'OPEN', :now)")
                .param("h", institution).param("d", department).param("doc", doctor, java.sql.Types.BIGINT).param("date", date)
                .param("block", first.getHour() < 12 ? "MORNING" : "AFTERNOON").param("now", now).update();
        long session = jdbc.sql("SELECT MAX(id) FROM clinic_session").query(Long.class).single();
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < slots; i++) {
            OffsetDateTime start = date.atTime(first).plusMinutes(30L * i).atZone(CHINA).toOffsetDateTime();
            jdbc.sql("INSERT INTO slot (session_id, starts_at, ends_at, capacity, next_number) VALUES (:s, :a, :b, 6, 1)")
                    .param("s", session).param("a", start).param("b", start.plusMinutes(30)).update();
            long slot = jdbc.sql("SELECT MAX(id) FROM slot").query(Long.class).single();
            for (var pool : pools.entrySet()) {
                jdbc.sql("INSERT INTO slot_pool (slot_id, channel, capacity, booked, release_at) VALUES (:s, :c, :n, 0, :r)")
                        .param("s", slot).param("c", pool.getKey()).param("n", pool.getValue()).param("r", now.minusDays(7)).update();
            }
            ids.add(slot);
        }
        return ids;
    }

    public long sessionOf(long slot) {
        return jdbc.sql("SELECT session_id FROM slot WHERE id = :s").param("s", slot).query(Long.class).single();
    }

    /** An appointment inserted directly with a status and, when checked in, its arrival time. */
    public long appointment(long slot, long patient, String channel, String status, OffsetDateTime arrivedAt) {
        jdbc.sql("UPDATE slot_pool SET booked = booked + 1 WHERE slot_id = :s AND channel = :c").param("s", slot).param("c", channel).update();
        long pool = jdbc.sql("SELECT id FROM slot_pool WHERE slot_id = :s AND channel = :c").param("s", slot).param("c", channel)
                .query(Long.class).single();
        int number = jdbc.sql("SELECT next_number FROM slot WHERE id = :s").param("s", slot).query(Integer.class).single();
        jdbc.sql("UPDATE slot SET next_number = next_number + 1 WHERE id = :s").param("s", slot).update();
        OffsetDateTime start = jdbc.sql("SELECT starts_at FROM slot WHERE id = :s").param("s", slot).query(OffsetDateTime.class).single();
        jdbc.sql("INSERT INTO appointment (slot_id, pool_id, patient_id, channel, sequence_number, suggested_at, status, booked_by, "
                        + "booked_at, arrived_at) VALUES (:s, :p, :pt, :c, :n, :a, :st, 'test', :now, :arr)")
                .param("s", slot).param("p", pool).param("pt", patient).param("c", channel).param("n", number).param("a", start)
                .param("st", status).param("now", OffsetDateTime.now()).param("arr", arrivedAt, java.sql.Types.TIMESTAMP_WITH_TIMEZONE)
                .update();
        return jdbc.sql("SELECT MAX(id) FROM appointment").query(Long.class).single();
    }

    public String status(long appointment) {
        return jdbc.sql("SELECT status FROM appointment WHERE id = :id").param("id", appointment).query(String.class).single();
    }

    public int booked(long slot, String channel) {
        return jdbc.sql("SELECT booked FROM slot_pool WHERE slot_id = :s AND channel = :c").param("s", slot).param("c", channel)
                .query(Integer.class).single();
    }
}
