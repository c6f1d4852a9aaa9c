package org.openhqd.platform.appointments;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.openhqd.platform.security.Role;
import org.openhqd.platform.security.StaffPrincipal;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Many threads race for the numbers of one slot at the same instant; afterwards no number was
 * given twice, no pool went beyond its capacity, and every success is an appointment row. Shared
 * by the H2 and PostgreSQL tests.
 */
final class BookingRace {

    private BookingRace() {
    }

    static void run(Appointments appointments, JdbcClient jdbc, int threads, int requests) throws Exception {
        // a fresh slot whose APP pool has 10 numbers and WINDOW pool 5, released already
        long dept = jdbc.sql("SELECT MIN(d.id) FROM department d JOIN institution i ON i.id = d.institution_id WHERE i.code = 'H001'")
                .query(Long.class).single();
        long hospital = jdbc.sql("SELECT id FROM institution WHERE code = 'H001'").query(Long.class).single();
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        jdbc.sql("INSERT INTO clinic_session (institution_id, department_id, session_date, block, clinic_type, status, created_at) "
                + "VALUES (:h, :d, CURRENT_DATE, 'EVENING', 'GENERAL', 'OPEN', :now)").param("h", hospital).param("d", dept)
                .param("now", now).update();
        long session = jdbc.sql("SELECT MAX(id) FROM clinic_session").query(Long.class).single();
        jdbc.sql("INSERT INTO slot (session_id, starts_at, ends_at, capacity, next_number) VALUES (:s, :a, :b, 15, 1)")
                .param("s", session).param("a", now.plusHours(2)).param("b", now.plusHours(3)).update();
        long slot = jdbc.sql("SELECT MAX(id) FROM slot").query(Long.class).single();
        jdbc.sql("INSERT INTO slot_pool (slot_id, channel, capacity, booked, release_at) VALUES (:s, 'APP', 10, 0, :r)")
                .param("s", slot).param("r", now.minusMinutes(1)).update();
        jdbc.sql("INSERT INTO slot_pool (slot_id, channel, capacity, booked, release_at) VALUES (:s, 'WINDOW', 5, 0, :r)")
                .param("s", slot).param("r", now.minusMinutes(1)).update();
        List<Long> patients = jdbc.sql("SELECT p.id FROM patient p JOIN institution i ON i.id = p.institution_id "
                + "WHERE i.code LIKE 'H001%' ORDER BY p.id LIMIT " + requests).query(Long.class).list();
        long community = jdbc.sql("SELECT community_id FROM institution WHERE id = :h").param("h", hospital).query(Long.class).single();
        StaffPrincipal admin = new StaffPrincipal(null, "race-test", Role.COMMUNITY_ADMIN, hospital, community, "/");

        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        AtomicInteger ok = new AtomicInteger();
        AtomicInteger full = new AtomicInteger();
        Set<Integer> numbers = ConcurrentHashMap.newKeySet();
        List<Future<?>> futures = new ArrayList<>();
        for (int i = 0; i < patients.size(); i++) {
            long patient = patients.get(i);
            Channel channel = i % 3 == 0 ? Channel.WINDOW : Channel.APP;
            String key = "race-" + slot + "-" + i;
            futures.add(pool.submit(() -> {
                SecurityContextHolder.getContext().setAuthentication(new UsernamePasswordAuthenticationToken(admin, null,
                        List.of(new SimpleGrantedAuthority(admin.role().authority()))));
                start.await();
                try {
                    Appointments.Booking b = appointments.book(slot, patient, channel, key);
                    assertThat(numbers.add(b.appointment().sequenceNumber())).as("number given twice").isTrue();
                    ok.incrementAndGet();
                } catch (Appointments.BookingException e) {
                    assertThat(e.getStatusCode().value()).isEqualTo(409);
                    full.incrementAndGet();
                } finally {
                    SecurityContextHolder.clearContext();
                }
                return null;
            }));
        }
        start.countDown();
        for (Future<?> f : futures) {
            f.get(60, TimeUnit.SECONDS);
        }
        pool.shutdown();
        assertThat(ok.get()).isEqualTo(15);
        assertThat(full.get()).isEqualTo(patients.size() - 15);
        assertThat(numbers).containsExactlyInAnyOrderElementsOf(java.util.stream.IntStream.rangeClosed(1, 15).boxed().toList());
        assertThat(jdbc.sql("SELECT booked FROM slot_pool WHERE slot_id = :s AND channel = 'APP'").param("s", slot)
                .query(Integer.class).single()).isEqualTo(10);
        assertThat(jdbc.sql("SELECT booked FROM slot_pool WHERE slot_id = :s AND channel = 'WINDOW'").param("s", slot)
                .query(Integer.class).single()).isEqualTo(5);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM appointment WHERE slot_id = :s").param("s", slot).query(Integer.class).single())
                .isEqualTo(15);
        assertThat(jdbc.sql("SELECT COUNT(DISTINCT patient_id) FROM appointment WHERE slot_id = :s").param("s", slot)
                .query(Integer.class).single()).isEqualTo(15);
    }
}
