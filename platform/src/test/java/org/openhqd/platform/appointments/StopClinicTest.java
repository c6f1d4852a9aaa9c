package org.openhqd.platform.appointments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openhqd.platform.support.Api;
import org.openhqd.platform.support.DemoPlatformTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

@DemoPlatformTest
class StopClinicTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;

    @Test
    void stoppingASessionCancelsItsAppointmentsForTheHospitalAndOffersOtherSlots() throws Exception {
        String doctor = Api.token(mvc, "demo-doctor");
        // a demo afternoon session three or more days ahead with two numbers still open to the app: the demo
        // week has fewer sessions at weekends and books some numbers itself, and other tests in the shared
        // context add small sessions of their own
        String open = "SELECT s.session_id FROM slot s JOIN slot_pool p ON p.slot_id = s.id AND p.channel = 'APP' "
                + "WHERE p.booked < p.capacity AND p.release_at <= CURRENT_TIMESTAMP GROUP BY s.session_id HAVING COUNT(*) >= 2";
        long session = jdbc.sql("SELECT cs.id FROM clinic_session cs WHERE cs.session_date >= :d AND cs.block = 'AFTERNOON' "
                        + "AND cs.id IN (" + open + ") AND cs.id IN (SELECT session_id FROM slot GROUP BY session_id HAVING COUNT(*) >= 4) "
                        + "ORDER BY cs.session_date, cs.id LIMIT 1")
                .param("d", LocalDate.now(ZoneId.of("Asia/Shanghai")).plusDays(3)).query(Long.class).single();
        LocalDate inThreeDays = jdbc.sql("SELECT session_date FROM clinic_session WHERE id = :s").param("s", session)
                .query(LocalDate.class).single();
        List<Long> slots = jdbc.sql("SELECT s.id FROM slot s JOIN slot_pool p ON p.slot_id = s.id AND p.channel = 'APP' "
                + "WHERE s.session_id = :s AND p.booked < p.capacity AND p.release_at <= CURRENT_TIMESTAMP ORDER BY s.id")
                .param("s", session).query(Long.class).list();
        List<Long> patients = jdbc.sql("SELECT p.id FROM patient p JOIN institution i ON i.id = p.institution_id WHERE i.code LIKE 'H001%' "
                + "ORDER BY p.id DESC LIMIT 2 OFFSET 50").query(Long.class).list();
        for (int i = 0; i < 2; i++) {
            mvc.perform(post("/api/v1/appointments").header("Authorization", Api.bearer(doctor)).contentType(MediaType.APPLICATION_JSON)
                    .content("{\"slotId\":" + slots.get(i) + ",\"patientId\":" + patients.get(i) + ",\"channel\":\"APP\"}"))
                    .andExpect(status().isCreated());
        }
        long booked = jdbc.sql("SELECT COUNT(*) FROM appointment a JOIN slot s ON s.id = a.slot_id WHERE s.session_id = :s "
                + "AND a.status IN ('BOOKED', 'CHECKED_IN')").param("s", session).query(Long.class).single();
        assertThat(booked).isGreaterThanOrEqualTo(2);   // ours and the demo's own bookings
        String township = Api.token(mvc, "demo-doctor-a");
        mvc.perform(post("/api/v1/sessions/" + session + "/stop").header("Authorization", Api.bearer(township))
                .contentType(MediaType.APPLICATION_JSON).content("{\"reason\":\"x\"}")).andExpect(status().isNotFound());

        String result = mvc.perform(post("/api/v1/sessions/" + session + "/stop").header("Authorization", Api.bearer(doctor))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"reason\":\"医生外出会诊\"}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.length()").value((int) booked))
                .andReturn().getResponse().getContentAsString();
        List<List<Integer>> offers = JsonPath.read(result, "$[*].offeredSlotIds");
        assertThat(offers).allSatisfy(o -> assertThat(o).hasSizeLessThanOrEqualTo(3)).anySatisfy(o -> assertThat(o).hasSize(3));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM appointment a JOIN slot s ON s.id = a.slot_id WHERE s.session_id = :s "
                + "AND a.status = 'CANCELLED_BY_HOSPITAL'").param("s", session).query(Long.class).single()).isEqualTo(booked);
        // every affected patient is told (no SMS gateway: the notice waits for an integration)
        assertThat(jdbc.sql("SELECT COUNT(*) FROM patient_notice WHERE kind = 'STOP_CLINIC' AND appointment_id IN "
                + "(SELECT a.id FROM appointment a JOIN slot s ON s.id = a.slot_id WHERE s.session_id = :s)")
                .param("s", session).query(Long.class).single()).isEqualTo(booked);
        // the stopped session is no longer offered, and cannot be stopped twice
        String slotsJson = mvc.perform(get("/api/v1/slots").param("date", inThreeDays.toString()).header("Authorization", Api.bearer(doctor)))
                .andReturn().getResponse().getContentAsString();
        List<Integer> sessions = JsonPath.read(slotsJson, "$[*].sessionId");
        assertThat(sessions).doesNotContain((int) session);
        mvc.perform(post("/api/v1/sessions/" + session + "/stop").header("Authorization", Api.bearer(doctor))
                .contentType(MediaType.APPLICATION_JSON).content("{\"reason\":\"again\"}")).andExpect(status().isConflict());
        mvc.perform(post("/api/v1/appointments").header("Authorization", Api.bearer(doctor)).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"slotId\":" + slots.get(slots.size() - 1) + ",\"patientId\":" + patients.get(0) + ",\"channel\":\"APP\"}"))
                .andExpect(status().isConflict());
    }
}
