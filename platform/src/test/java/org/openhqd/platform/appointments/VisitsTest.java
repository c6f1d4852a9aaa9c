package org.openhqd.platform.appointments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.openhqd.platform.support.Api;
import org.openhqd.platform.support.DemoPlatformTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

@DemoPlatformTest
class VisitsTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Visits visits;

    /** An appointment in a slot that ran from {@code start} for 30 minutes, inserted directly (booking refuses the past). */
    long appointment(OffsetDateTime start, String sessionStatus, long patient) {
        long hospital = jdbc.sql("SELECT id FROM institution WHERE code = 'H001'").query(Long.class).single();
        long dept = jdbc.sql("SELECT MIN(id) FROM department WHERE institution_id = :h").param("h", hospital).query(Long.class).single();
        jdbc.sql("INSERT INTO clinic_session (institution_id, department_id, session_date, block, clinic_type, status, created_at) "
                + "VALUES (:h, :d, CURRENT_DATE, 'MORNING', 'GENERAL', :st, :now)").param("h", hospital).param("d", dept)
                .param("st", sessionStatus).param("now", start).update();
        long session = jdbc.sql("SELECT MAX(id) FROM clinic_session").query(Long.class).single();
        jdbc.sql("INSERT INTO slot (session_id, starts_at, ends_at, capacity, next_number) VALUES (:s, :a, :b, 6, 2)")
                .param("s", session).param("a", start).param("b", start.plusMinutes(30)).update();
        long slot = jdbc.sql("SELECT MAX(id) FROM slot").query(Long.class).single();
        jdbc.sql("INSERT INTO slot_pool (slot_id, channel, capacity, booked, release_at) VALUES (:s, 'APP', 3, 1, :r)")
                .param("s", slot).param("r", start.minusDays(7)).update();
        long pool = jdbc.sql("SELECT MAX(id) FROM slot_pool").query(Long.class).single();
        jdbc.sql("INSERT INTO appointment (slot_id, pool_id, patient_id, channel, sequence_number, suggested_at, status, booked_by, booked_at) "
                + "VALUES (:s, :p, :pt, 'APP', 1, :a, 'BOOKED', 'test', :a)").param("s", slot).param("p", pool).param("pt", patient)
                .param("a", start).update();
        return jdbc.sql("SELECT MAX(id) FROM appointment").query(Long.class).single();
    }

    long patient(int n) {
        return jdbc.sql("SELECT p.id FROM patient p JOIN institution i ON i.id = p.institution_id WHERE i.code = 'H001' "
                + "ORDER BY p.id LIMIT 1 OFFSET " + (100 + n)).query(Long.class).single();
    }

    @Test
    void checkInCallAndSeenInOrderOnly() throws Exception {
        long id = appointment(OffsetDateTime.now(ZoneOffset.UTC).plusHours(1), "OPEN", patient(1));
        String token = Api.token(mvc, "demo-nurse");
        mvc.perform(post("/api/v1/appointments/" + id + "/seen").header("Authorization", Api.bearer(token)))
                .andExpect(status().isConflict());
        mvc.perform(post("/api/v1/appointments/" + id + "/check-in").header("Authorization", Api.bearer(token)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("CHECKED_IN"));
        mvc.perform(post("/api/v1/appointments/" + id + "/call").header("Authorization", Api.bearer(token)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("CALLED"));
        mvc.perform(post("/api/v1/appointments/" + id + "/seen").header("Authorization", Api.bearer(token)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("SEEN"));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM appointment WHERE id = :id AND arrived_at IS NOT NULL AND called_at >= arrived_at "
                + "AND seen_at >= called_at").param("id", id).query(Long.class).single()).isEqualTo(1);
        // township staff cannot check in at the county hospital's clinic
        String township = Api.token(mvc, "demo-nurse-a");
        long other = appointment(OffsetDateTime.now(ZoneOffset.UTC).plusHours(2), "OPEN", patient(2));
        mvc.perform(post("/api/v1/appointments/" + other + "/check-in").header("Authorization", Api.bearer(township)))
                .andExpect(status().isNotFound());
    }

    @Test
    void noShowsAreMarkedAfterTheGracePeriodButNeverForAStoppedSession() {
        OffsetDateTime start = OffsetDateTime.of(2026, 3, 2, 0, 0, 0, 0, ZoneOffset.UTC);
        long missed = appointment(start, "OPEN", patient(3));
        long stopped = appointment(start, "STOPPED", patient(4));
        Instant slotEnd = start.plusMinutes(30).toInstant();
        visits.markNoShows(slotEnd.plusSeconds(29 * 60)); // still within the grace period
        assertThat(statusOf(missed)).isEqualTo("BOOKED");
        visits.markNoShows(slotEnd.plusSeconds(31 * 60));
        assertThat(statusOf(missed)).isEqualTo("NO_SHOW");
        assertThat(statusOf(stopped)).isEqualTo("BOOKED");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_event WHERE actor = 'system' AND entity_id = :id AND detail = 'NO_SHOW'")
                .param("id", String.valueOf(missed)).query(Long.class).single()).isEqualTo(1);
    }

    String statusOf(long id) {
        return jdbc.sql("SELECT status FROM appointment WHERE id = :id").param("id", id).query(String.class).single();
    }
}
