package org.openhqd.platform.demo;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Demo outpatient schedules at the county hospital for the coming days: eight departments, morning
 * (08:00–12:00) and afternoon (14:00–17:30) sessions split into 30-minute slots of 6 numbers — 3 for
 * the app, 2 for the window, 1 reserved for referrals — released 7 days ahead at 07:00.
 */
@Component
class DemoSchedules {

    static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    static final List<String> DEPARTMENTS = List.of("0301", "0302", "0303", "0304", "0401", "0403", "05", "07");
    static final Map<String, Integer> POOLS = Map.of("APP", 3, "WINDOW", 2, "REFERRAL", 1);

    private final JdbcClient jdbc;
    private final Clock clock;

    DemoSchedules(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Transactional
    void load(int days) {
        long hospital = jdbc.sql("SELECT id FROM institution WHERE code = 'H001'").query(Long.class).single();
        LocalDate today = LocalDate.now(clock.withZone(CHINA));
        OffsetDateTime now = OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
        for (String code : DEPARTMENTS) {
            long dept = jdbc.sql("SELECT id FROM department WHERE institution_id = :h AND code = :c").param("h", hospital)
                    .param("c", code).query(Long.class).single();
            Long doctor = jdbc.sql("SELECT MIN(id) FROM staff WHERE department_id = :d AND role = 'DOCTOR'").param("d", dept)
                    .query(Long.class).optional().orElse(null);
            for (int d = 0; d < days; d++) {
                LocalDate date = today.plusDays(d);
                session(hospital, dept, doctor, date, "MORNING", LocalTime.of(8, 0), LocalTime.of(12, 0), now);
                session(hospital, dept, doctor, date, "AFTERNOON", LocalTime.of(14, 0), LocalTime.of(17, 30), now);
            }
        }
    }

    private void session(long hospital, long dept, Long doctor, LocalDate date, String block, LocalTime from, LocalTime to,
                         OffsetDateTime now) {
        jdbc.sql("INSERT INTO clinic_session (institution_id, department_id, doctor_id, session_date, block, clinic_type, status, created_at) "
                        + "VALUES (:h, :d, :doc, :date, :block, 'GENERAL', 'OPEN', :now)")
                .param("h", hospital).param("d", dept).param("doc", doctor, java.sql.Types.BIGINT).param("date", date)
                .param("block", block).param("now", now).update();
        long session = jdbc.sql("SELECT MAX(id) FROM clinic_session WHERE department_id = :d AND session_date = :date AND block = :b")
                .param("d", dept).param("date", date).param("b", block).query(Long.class).single();
        OffsetDateTime release = date.minusDays(7).atTime(7, 0).atZone(CHINA).toOffsetDateTime();
        for (LocalTime t = from; t.isBefore(to); t = t.plusMinutes(30)) {
            ZonedDateTime start = date.atTime(t).atZone(CHINA);
            jdbc.sql("INSERT INTO slot (session_id, starts_at, ends_at, capacity, next_number) VALUES (:s, :a, :b, 6, 1)")
                    .param("s", session).param("a", start.toOffsetDateTime()).param("b", start.plusMinutes(30).toOffsetDateTime())
                    .update();
            long slot = jdbc.sql("SELECT MAX(id) FROM slot WHERE session_id = :s").param("s", session).query(Long.class).single();
            for (var pool : POOLS.entrySet()) {
                jdbc.sql("INSERT INTO slot_pool (slot_id, channel, capacity, booked, release_at) VALUES (:s, :c, :n, 0, :r)")
                        .param("s", slot).param("c", pool.getKey()).param("n", pool.getValue()).param("r", release).update();
            }
        }
    }
}
