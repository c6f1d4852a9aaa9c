package org.openhqd.platform.appointments;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.openhqd.platform.security.CurrentUser;
import org.openhqd.platform.security.Role;
import org.openhqd.platform.security.StaffPrincipal;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Teams that share one doctor race for the same block: exactly one gets its session, and nobody of
 * the losing teams is left booked into the block (all-or-nothing).
 */
final class MdtRace {

    private MdtRace() {
    }

    static void run(MdtTeams teams, MdtClinics clinics, JdbcClient jdbc, String departmentA, String departmentB, int daysAhead,
                    int contenders) throws Exception {
        long hospital = jdbc.sql("SELECT id FROM institution WHERE code = 'H001'").query(Long.class).single();
        long community = jdbc.sql("SELECT community_id FROM institution WHERE id = :h").param("h", hospital).query(Long.class).single();
        List<Long> a = doctors(jdbc, hospital, departmentA);
        List<Long> b = doctors(jdbc, hospital, departmentB);
        long host = jdbc.sql("SELECT id FROM department WHERE institution_id = :h AND code = :c").param("h", hospital)
                .param("c", departmentA).query(Long.class).single();
        StaffPrincipal admin = new StaffPrincipal(null, "mdt-race", Role.COMMUNITY_ADMIN, hospital, community, "/");
        long shared = a.get(0);
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < contenders; i++) {
            long other = b.get(i % b.size());
            ids.add(CurrentUser.runAs(admin, () -> teams.create(new MdtTeams.Draft(hospital, host, "竞争 MDT " + other, null, shared,
                    null, List.of(new MdtTeam.Member(shared, null, "呼吸内科"), new MdtTeam.Member(other, null, "胸外科"))))).id());
        }
        LocalDate date = LocalDate.now(ZoneId.of("Asia/Shanghai")).plusDays(daysAhead);
        ExecutorService pool = Executors.newFixedThreadPool(contenders);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Boolean>> results = new ArrayList<>();
        for (long team : ids) {
            results.add(pool.submit(() -> {
                start.await();
                try {
                    CurrentUser.runAs(admin, () -> clinics.bookSession(team, new MdtClinics.SessionRequest(date, ClinicBlock.EVENING,
                            LocalTime.of(18, 0), LocalTime.of(19, 0), 60, null,
                            List.of(new ScheduleTemplate.Pool(Channel.CLINIC, 1, 0, null, null)))));
                    return true;
                } catch (Appointments.BookingException e) {
                    return false;
                }
            }));
        }
        start.countDown();
        int ok = 0;
        for (Future<Boolean> f : results) {
            ok += f.get() ? 1 : 0;
        }
        pool.shutdown();
        assertThat(ok).isEqualTo(1);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM clinic_session WHERE session_date = :d AND kind = 'MDT' AND mdt_team_id IN (:t)")
                .param("d", date).param("t", ids).query(Long.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM session_participant WHERE staff_id = :s AND session_date = :d AND block = 'EVENING'")
                .param("s", shared).param("d", date).query(Long.class).single()).isEqualTo(1);
        // the losers' other members are not left in the block
        assertThat(jdbc.sql("SELECT COUNT(*) FROM session_participant p JOIN clinic_session cs ON cs.id = p.session_id "
                        + "WHERE p.session_date = :d AND p.block = 'EVENING' AND cs.mdt_team_id IN (:t)")
                .param("d", date).param("t", ids).query(Long.class).single()).isEqualTo(2);
    }

    private static List<Long> doctors(JdbcClient jdbc, long hospital, String code) {
        return jdbc.sql("SELECT s.id FROM staff s JOIN department d ON d.id = s.department_id WHERE d.institution_id = :h "
                + "AND d.code = :c AND s.role = 'DOCTOR' ORDER BY s.id").param("h", hospital).param("c", code).query(Long.class).list();
    }
}
